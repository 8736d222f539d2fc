package render

import (
	"math"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Verdict is what a result says first, as one story: a headline, one
// note on how far to trust it and why, what would separate a close
// call, and how much was answered when the note does not say. Two
// questions meet here (docs/scoring.md, "What the headline says"): could
// the questions not answered still change the best fit (Decision), and
// could answering the same questions a little differently (Certainty)?
// The terminal, the HTML report and the JSON all take their words from
// here, so no screen tells two stories.
type Verdict struct {
	Kind VerdictKind
	// Lead, Top, Fit and After are the headline's parts, in that order,
	// for screens that style them apart: "Your best fit:", the role,
	// "94%", ", just ahead of Product Owner". Lead is "" when the headline names two roles
	// ("Closest: A or B, too close to call"); Headline is then all of it.
	Lead, Top, After, Fit string
	// Headline is the whole headline as plain text.
	Headline string
	Note     string
	// Separate says which dimension would tell a close call apart, and
	// where the person sits on it; "" when none does.
	Separate string
	// Coverage says how much was answered, when the note does not.
	Coverage string
}

// VerdictKind names the story a verdict tells.
type VerdictKind string

// Verdict kinds.
const (
	NoVerdict     VerdictKind = "none"         // no role could be scored
	BestFitKind   VerdictKind = "best-fit"     // a complete or decided set, graded high or medium
	TooCloseKind  VerdictKind = "too-close"    // a complete set graded low
	JustAheadKind VerdictKind = "just-ahead"   // decided by the answers given, but close on them
	LikelyKind    VerdictKind = "likely"       // partial, not decided, but the full quiz very likely agrees (the quick stop)
	LeadingKind   VerdictKind = "leading"      // partial and not decided: the rest could change it
	CloseSoFar    VerdictKind = "close-so-far" // partial, not decided, and close
	FlatKind      VerdictKind = "flat"         // the agreement answers barely varied
	OnlyRoleKind  VerdictKind = "only-role"    // a bank of one role
)

// NewVerdict works out a result's verdict in p's language.
func NewVerdict(p i18n.Printer, b *quiz.Bank, res *scoring.Result) Verdict {
	if len(res.Roles) == 0 || !res.Roles[0].Scored {
		t := p.T(i18n.NoRoleScored)
		return Verdict{Kind: NoVerdict, Headline: t}
	}
	c := res.Certainty
	top := b.Roles[res.Top()].Name
	v := Verdict{Top: top, Fit: p.T(i18n.Percent, Round1(res.Roles[0].Fit))}
	partial := res.Answered < res.Questions
	left := res.Questions - res.Answered
	decided, contenders := c.Decided, []int(nil)
	if d := res.Decision; d != nil {
		decided, contenders = d.Decided, d.Contenders
	}
	runnerUp := ""
	if len(res.Roles) > 1 && res.Roles[1].Scored {
		runnerUp = b.Roles[res.Roles[1].Role].Name
	}
	margin := Round1(c.Margin)

	switch {
	case runnerUp == "":
		v.Kind, v.Lead, v.Note = OnlyRoleKind, p.T(i18n.BestFit), p.T(i18n.NoteOnlyRole, top)
	case c.Flat:
		v.Kind, v.Headline, v.Note = FlatKind, p.T(i18n.TooClose, top, runnerUp), p.T(i18n.NoteFlat)
	case partial && !decided && likelyStop(res):
		// The quick stop: the full quiz would very likely agree.
		v.Kind, v.Lead = LikelyKind, p.T(i18n.BestFit)
		v.Note = StoppedLikelyNote(p, res.Answered, res.Questions, res.Likely.Probability, -1)
		if c.Z < scoring.MediumZ {
			v.After = p.T(i18n.JustAhead, runnerUp)
			v.Note += " " + p.T(i18n.CloseOnAnswers, runnerUp, margin)
		}
	case partial && !decided:
		// The questions not answered could still change the best fit:
		// that is the reason to give, whatever the lead.
		// Close means close on the answers given (z), not merely capped
		// for want of answers.
		v.Kind, v.Lead = LeadingKind, p.T(i18n.LeadingSoFar)
		if c.Z < scoring.MediumZ {
			v.Kind, v.Lead, v.Headline = CloseSoFar, "", p.T(i18n.TooCloseSoFar, top, runnerUp)
		}
		v.Note = p.T(i18n.NotePartial, res.Answered, res.Questions, top, runnerUp, margin, left)
		if share := likelyShare(p, b, res.Likely, res.Top()); share != "" {
			v.Note += " " + share
		}
		switch {
		case len(contenders) == len(b.Roles):
			v.Note += " " + p.T(i18n.NoneRuledOut)
		case len(contenders) > 0:
			var names []string
			for _, r := range contenders {
				names = append(names, b.Roles[r].Name)
			}
			v.Note += " " + p.T(i18n.StillInTheRunning, strings.Join(names, ", "))
		}
	case c.Level == scoring.Low && partial:
		// Decided on the questions not asked, close on the ones answered.
		v.Kind, v.Lead, v.After = JustAheadKind, p.T(i18n.BestFit), p.T(i18n.JustAhead, runnerUp)
		v.Note = p.T(i18n.NoteDecidedClose, left, margin, res.Answered)
	case c.Level == scoring.Low:
		v.Kind, v.Headline, v.Note = TooCloseKind, p.T(i18n.TooClose, top, runnerUp), p.T(i18n.NoteLow, runnerUp, margin)
	default:
		v.Kind, v.Lead = BestFitKind, p.T(i18n.BestFit)
		v.Note = p.T(i18n.NoteMedium, margin, runnerUp)
		if c.Level == scoring.High {
			v.Note = p.T(i18n.NoteHigh, margin, runnerUp)
		}
		if partial {
			v.Note = p.T(i18n.DecidedAfter, res.Answered, res.Questions, left) + " " + v.Note
		}
	}
	if v.Lead != "" {
		v.Headline = v.Lead + " " + v.Top + " · " + v.Fit + v.After
	}
	if v.Close() && v.Kind != FlatKind && c.Separator >= 0 {
		v.Separate = separateNote(p, b, res)
	}
	if partial && (v.Kind == FlatKind || v.Kind == OnlyRoleKind) {
		v.Coverage = p.T(i18n.ScoredOn, res.Answered, res.Questions, 100*res.Coverage())
	}
	return v
}

// likelyStop reports whether res was stopped by the quick rule: its
// estimate (Options.Likely) reaches the threshold for the role ranked
// first.
func likelyStop(res *scoring.Result) bool {
	lk := res.Likely
	return lk != nil && lk.Role == res.Top() && lk.Probability >= scoring.LikelyThreshold
}

// likelyShare says how often the full quiz would rank role top first,
// at least, when the estimate lk is about that role and says anything
// (a bound under one half does not); "" otherwise.
func likelyShare(p i18n.Printer, b *quiz.Bank, lk *scoring.Likely, top int) string {
	if lk == nil || lk.Role != top || lk.Probability < 0.5 {
		return ""
	}
	return p.T(i18n.LikelyShare, b.Roles[top].Name, int(math.Floor(100*lk.Probability)))
}

// StoppedLikelyNote says where the quick stop stopped and what it risks:
// "about 1 in 30 people who answer like you would get a different best
// fit from the full quiz", and, with retake (the full quiz's own retake
// agreement, 0–1; negative to leave out), how often the full quiz itself
// changes on a retake.
func StoppedLikelyNote(p i18n.Printer, answered, questions int, probability, retake float64) string {
	risk := p.T(i18n.RiskRare)
	if miss := 1 - probability; miss > 0.01 {
		risk = p.T(i18n.RiskOneIn, oneIn(miss))
	}
	if retake < 0 {
		return p.T(i18n.StoppedLikely, answered, questions, risk)
	}
	changes := p.T(i18n.RetakeRare)
	if k := int(math.Round(10 * (1 - retake))); k >= 1 {
		changes = p.T(i18n.RetakeInTen, k)
	}
	return p.T(i18n.StoppedLikelyRetake, answered, questions, risk, changes)
}

// oneIn is 1/miss as a person would say it: whole below 10, to the
// nearest 5 below 30, to the nearest 10 above (1 in 97 is "about 1 in
// 100").
func oneIn(miss float64) int {
	n := 1 / miss
	switch {
	case n < 10:
		return int(math.Round(n))
	case n < 30:
		return 5 * int(math.Round(n/5))
	}
	return 10 * int(math.Round(n/10))
}

// Close reports whether the verdict is a close call: two roles named, or
// one just ahead of another.
func (v Verdict) Close() bool {
	switch v.Kind {
	case TooCloseKind, CloseSoFar, JustAheadKind, FlatKind:
		return true
	}
	return v.After != ""
}

// separateNote names the dimension that would separate the top two roles
// (Certainty.Separator), what each looks for there, and where the person
// sits.
func separateNote(p i18n.Printer, b *quiz.Bank, res *scoring.Result) string {
	d := res.Certainty.Separator
	a, r := b.Roles[res.Roles[0].Role], b.Roles[res.Roles[1].Role]
	ta, tr := targetOf(a, d), targetOf(r, d)
	name := b.Dimensions[d].Name
	if s := res.Dimensions[d]; s.Scored {
		return p.T(i18n.Separate, name, a.Name, ta, r.Name, tr, Round1(s.Score))
	}
	return p.T(i18n.SeparateUnanswered, name, a.Name, ta, r.Name, tr)
}

func targetOf(r quiz.Role, d int) float64 {
	for _, t := range r.Profile {
		if t.Dimension == d {
			return t.Target
		}
	}
	return 0
}
