package iostreams

import "testing"

func TestDecide(t *testing.T) {
	tests := []struct {
		name                           string
		tty                            bool
		env                            map[string]string
		color, neverPrompt, accessible bool
	}{
		{"terminal", true, nil, true, false, false},
		{"pipe", false, nil, false, false, false},
		{"NO_COLOR set", true, map[string]string{"NO_COLOR": "1"}, false, false, false},
		{"NO_COLOR empty does not count (no-color.org)", true, map[string]string{"NO_COLOR": ""}, true, false, false},
		{"TERM=dumb", true, map[string]string{"TERM": "dumb"}, false, false, true},
		{"CI=true", true, map[string]string{"CI": "true"}, true, true, false},
		{"CI=false", true, map[string]string{"CI": "false"}, true, false, false},
		{"CI=1", true, map[string]string{"CI": "1"}, true, true, false},
		{"PMFIT_ACCESSIBLE", true, map[string]string{"PMFIT_ACCESSIBLE": "1"}, true, false, true},
		{"PMFIT_ACCESSIBLE=0", true, map[string]string{"PMFIT_ACCESSIBLE": "0"}, true, false, false},
		{"CLICOLOR=0", true, map[string]string{"CLICOLOR": "0"}, false, false, false},
		{"CLICOLOR=1 in a pipe", false, map[string]string{"CLICOLOR": "1"}, false, false, false},
		{"CLICOLOR_FORCE=1 in a pipe", false, map[string]string{"CLICOLOR_FORCE": "1"}, true, false, false},
		{"CLICOLOR_FORCE=0 in a pipe", false, map[string]string{"CLICOLOR_FORCE": "0"}, false, false, false},
		{"FORCE_COLOR=1 in a pipe", false, map[string]string{"FORCE_COLOR": "1"}, true, false, false},
		{"FORCE_COLOR=3 in a pipe", false, map[string]string{"FORCE_COLOR": "3"}, true, false, false},
		{"FORCE_COLOR=0 in a pipe", false, map[string]string{"FORCE_COLOR": "0"}, false, false, false},
		{"FORCE_COLOR over CLICOLOR=0", true, map[string]string{"FORCE_COLOR": "1", "CLICOLOR": "0"}, true, false, false},
		{"NO_COLOR over CLICOLOR_FORCE", false, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, false, false, false},
		{"NO_COLOR over FORCE_COLOR", true, map[string]string{"NO_COLOR": "x", "FORCE_COLOR": "1"}, false, false, false},
		{"forced through TERM=dumb", false, map[string]string{"TERM": "dumb", "CLICOLOR_FORCE": "1"}, true, false, true},
	}
	for _, tt := range tests {
		env := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
		c, n, a := decide(tt.tty, env)
		if c != tt.color || n != tt.neverPrompt || a != tt.accessible {
			t.Errorf("%s: color %v, neverPrompt %v, accessible %v; want %v, %v, %v", tt.name, c, n, a, tt.color, tt.neverPrompt, tt.accessible)
		}
	}
}

func TestCanPrompt(t *testing.T) {
	s, _, _, _ := Test()
	if s.CanPrompt() {
		t.Error("buffers can prompt")
	}
	s.SetStdinTTY(true)
	s.SetStdoutTTY(true)
	if !s.CanPrompt() {
		t.Error("two terminals cannot prompt")
	}
	s.SetNeverPrompt(true)
	if s.CanPrompt() {
		t.Error("--no-input still prompts")
	}
	s.SetNeverPrompt(false)
	s.SetStdoutTTY(false)
	if s.CanPrompt() {
		t.Error("prompts with stdout piped")
	}
}
