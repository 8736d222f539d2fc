package cmd

import (
	"errors"
	"strings"
	"testing"
)

func TestAnalyzeFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		check   func(t *testing.T, o *AnalyzeOptions)
		wantErr string
	}{
		{name: "inputs and defaults", args: []string{"a.ndjson", "dir"}, check: func(t *testing.T, o *AnalyzeOptions) {
			if strings.Join(o.Inputs, ",") != "a.ndjson,dir" || o.Simulate != 0 || o.Seed != 1 || o.Noise != 20 || o.Format != "text" {
				t.Errorf("options = %+v", o)
			}
			if th := o.Thresholds; th.MinAlpha != nil || th.MinTop1 != nil || th.Reachable {
				t.Errorf("thresholds asked for: %+v", th)
			}
		}},
		{name: "simulation and thresholds", args: []string{"p", "--simulate", "500", "--seed", "3", "--noise", "15", "--min-alpha", "0.7", "--min-top1", "1", "--max-random-high", "0.02", "--reachable"}, check: func(t *testing.T, o *AnalyzeOptions) {
			th := o.Thresholds
			if o.Simulate != 500 || o.Seed != 3 || o.Noise != 15 || th.MinAlpha == nil || *th.MinAlpha != 0.7 || th.MinTop1 == nil || *th.MinTop1 != 1 ||
				th.MaxRandomHigh == nil || *th.MaxRandomHigh != 0.02 || !th.Reachable || th.MinTop2 != nil {
				t.Errorf("options = %+v, thresholds %+v", o, th)
			}
		}},
		{name: "a threshold of zero is still asked for", args: []string{"--simulate", "5", "--min-alpha", "0"}, check: func(t *testing.T, o *AnalyzeOptions) {
			if o.Thresholds.MinAlpha == nil || *o.Thresholds.MinAlpha != 0 {
				t.Errorf("min-alpha = %v", o.Thresholds.MinAlpha)
			}
		}},
		{name: "nothing to analyze", args: nil, wantErr: "nothing to analyze"},
		{name: "negative simulation", args: []string{"--simulate", "-3"}, wantErr: "--simulate must not be negative"},
		{name: "share out of range", args: []string{"x", "--min-top1", "1.5"}, wantErr: "--min-top1 must be a share from 0 to 1"},
		{name: "NaN share", args: []string{"x", "--min-top2", "NaN"}, wantErr: "--min-top2 must be a share from 0 to 1"},
		{name: "expectation check without inputs", args: []string{"--simulate", "9", "--min-also", "0.5"}, wantErr: "--min-also checks answer sets with expect"},
		{name: "simulation check without --simulate", args: []string{"x", "--min-retake-high", "0.9"}, wantErr: "--min-retake-high checks simulated answer sets"},
		{name: "bad input format", args: []string{"x", "--input-format", "xml"}, wantErr: "--input-format: unknown input format"},
		{name: "bad format", args: []string{"x", "--format", "csv"}, wantErr: `invalid value "csv" for --format`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := testFactory(t, nil)
			var got *AnalyzeOptions
			cmd := NewCmdAnalyze(f, func(o *AnalyzeOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			err := cmd.Execute()
			if tt.wantErr != "" {
				var fe *FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("error = %v, want a usage error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}
