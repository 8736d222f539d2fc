package i18n

// The quiz's own words. TestEveryMessageIsTranslated reads this file and
// checks that each message has every language, with the same arguments.
var (
	BackToPrevious = Message{
		En: "back to the previous question",
		Es: "volver a la pregunta anterior",
	}
	KeepAnswer = Message{
		En: "keep my answer and return to the review",
		Es: "mantener mi respuesta y volver al repaso",
	}
	// Progress names no dimension: what a question measures is not shown
	// to the person answering it, so it cannot steer the answer.
	Progress = Message{
		En: "Question %d of %d",
		Es: "Pregunta %d de %d",
	}
	TimeLeft = Message{
		En: "about %d minutes left",
		Es: "quedan unos %d minutos",
	}
	TimeLeftOne = Message{
		En: "about a minute left",
		Es: "queda más o menos un minuto",
	}
	ProgressShort = Message{
		En: "Question %d (of at most %d: the quiz stops once your best fit is clear)",
		Es: "Pregunta %d (de %d como mucho: el cuestionario se detiene cuando tu rol más afín está claro)",
	}
	SeeResultNow = Message{
		En: "See my result now",
		Es: "Ver mi resultado ahora",
	}
	AnswerTheRest = Message{
		En: "Answer the other %d too, for a fuller profile",
		Es: "Responder también las otras %d, para un perfil más completo",
	}
	ReviewTitle = Message{
		En: "Review your answers: choose one to change it, or submit",
		Es: "Repasa tus respuestas: elige una para cambiarla, o envíalas",
	}
	Submit = Message{
		En: "✔ Submit my answers and see the result",
		Es: "✔ Enviar mis respuestas y ver el resultado",
	}
	NotAnswered = Message{
		En: "(not answered)",
		Es: "(sin responder)",
	}
	ChooseOne = Message{
		En: "Choose at least one option.",
		Es: "Elige al menos una opción.",
	}
	NoneAlone = Message{
		En: "%q cannot be combined with other options.",
		Es: "%q no se puede combinar con otras opciones.",
	}
	IntroKeys = Message{
		En: "%d questions. Select an answer by its number, or move to it with ↑ and ↓, then press Enter: an answer counts only once you confirm it. Where you may choose several, a number or Space ticks an option. ← or Esc goes back a question, and you can change any answer before you submit. Every answer is saved as you go: stop whenever you like.",
		Es: "%d preguntas. Selecciona una respuesta por su número, o muévete a ella con ↑ y ↓, y pulsa Intro: una respuesta solo cuenta cuando la confirmas. Donde puedes elegir varias, un número o Espacio marca una opción. ← o Esc vuelve a la pregunta anterior, y puedes cambiar cualquier respuesta antes de enviar. Cada respuesta se guarda al momento: para cuando quieras.",
	}
	IntroKeysPlain = Message{
		En: "%d questions. Type the number of your answer and press Enter; for multiple choice, type several numbers separated by commas. Type b to go back a question; you can change any answer before you submit. Every answer is saved as you go: stop whenever you like.",
		Es: "%d preguntas. Escribe el número de tu respuesta y pulsa Intro; en las de varias respuestas, escribe varios números separados por comas. Escribe b para volver a la pregunta anterior; puedes cambiar cualquier respuesta antes de enviar. Cada respuesta se guarda al momento: para cuando quieras.",
	}
	IntroShort = Message{
		En: "The short quiz: each question is the one that matters most for you now, and the quiz stops once the full quiz would very likely give you the same best fit, saying how likely.",
		Es: "El cuestionario corto: cada pregunta es la que más importa para ti en ese momento, y se detiene en cuanto el cuestionario completo muy probablemente te daría el mismo rol más afín, y dice con qué probabilidad.",
	}
	IntroShortProof = Message{
		En: "The short quiz: each question is the one that matters most for you now, and the quiz stops as soon as no answer to the rest could change your best fit.",
		Es: "El cuestionario corto: cada pregunta es la que más importa para ti en ese momento, y se detiene en cuanto ninguna respuesta al resto podría cambiar tu rol más afín.",
	}
	PrivacyNote = Message{
		En: "Your answers stay on this machine.",
		Es: "Tus respuestas no salen de este equipo.",
	}
	Shuffled = Message{
		En: "Options are shuffled (seed %d).",
		Es: "Las opciones están barajadas (semilla %d).",
	}
	Resuming = Message{
		En: "Resuming: %d of %d questions already answered.",
		Es: "Continuando: ya hay %d de %d preguntas respondidas.",
	}
	BankChanged = Message{
		En: "The question bank changed since this progress was saved.",
		Es: "El banco de preguntas cambió desde que se guardó este progreso.",
	}
	Dropped = Message{
		En: "Dropped %q: %s.",
		Es: "Descartada %q: %s.",
	}
	DroppedUnknown = Message{
		En: "the question no longer exists",
		Es: "la pregunta ya no existe",
	}
	DroppedValue = Message{
		En: "the saved answer %s is no longer allowed",
		Es: "la respuesta guardada %s ya no está permitida",
	}
	Interrupted = Message{
		En: "Stopped with %d of %d questions answered. Your answers are saved in %s",
		Es: "Detenido con %d de %d preguntas respondidas. Tus respuestas están guardadas en %s",
	}
	StoppedBeforeAnswers = Message{
		En: "Stopped before the first answer: nothing to save.",
		Es: "Detenido antes de la primera respuesta: no hay nada que guardar.",
	}
	SaveFailed = Message{
		En: "your answers could not be saved: %s",
		Es: "no se pudieron guardar tus respuestas: %s",
	}
	SavedQuizFound = Message{
		En: "You have a quiz saved on %s with %d of %d questions answered.",
		Es: "Tienes un cuestionario guardado el %s con %d de %d preguntas respondidas.",
	}
	ResumeIt = Message{
		En: "Resume it",
		Es: "Continuarlo",
	}
	StartOver = Message{
		En: "Start over (the saved answers are kept in a backup file)",
		Es: "Empezar de nuevo (las respuestas guardadas se conservan en una copia)",
	}
	NothingChanged = Message{
		En: "Stopped; nothing changed. Your saved quiz is still in %s.",
		Es: "Detenido; nada ha cambiado. Tu cuestionario guardado sigue en %s.",
	}
	KeptAsBackup = Message{
		En: "The saved answers are kept in %s.",
		Es: "Las respuestas guardadas se conservan en %s.",
	}
	UnreadableProgress = Message{
		En: "The saved quiz could not be read: %s",
		Es: "No se pudo leer el cuestionario guardado: %s",
	}
	ResultSaved = Message{
		En: "Your answers and result are saved in %s; see them again with: %s",
		Es: "Tus respuestas y el resultado están guardados en %s; vuélvelos a ver con: %s",
	}
	EarlierResultKept = Message{
		En: "Your earlier result, with %d answers, is kept in %s.",
		Es: "Tu resultado anterior, con %d respuestas, se conserva en %s.",
	}
	AlsoSaved = Message{
		En: "Also written to %s.",
		Es: "También escritos en %s.",
	}
	SeeFullResult = Message{
		En: "See the full result: what moved each role, the role's facts and a next step?",
		Es: "¿Ver el resultado completo: qué movió cada rol, los datos del rol y un siguiente paso?",
	}
	OpenPager = Message{
		En: "Yes, page through it",
		Es: "Sí, mostrarlo página a página",
	}
	Done = Message{
		En: "No, done",
		Es: "No, he terminado",
	}
	ResumeWith = Message{
		En: "Resume with:",
		Es: "Continúa con:",
	}
	// The full-screen prompter's key hints.
	HintMove = Message{
		En: "↑↓ move",
		Es: "↑↓ moverte",
	}
	HintDigits = Message{
		En: "1–%d choose",
		Es: "1–%d elegir",
	}
	HintDigitsTick = Message{
		En: "1–%d tick",
		Es: "1–%d marcar",
	}
	ChooseFirst = Message{
		En: "Nothing is selected yet: press an answer's number, or move to it with ↑ ↓, then press Enter.",
		Es: "Aún no hay nada seleccionado: pulsa el número de una respuesta, o muévete a ella con ↑ ↓, y luego pulsa Intro.",
	}
	HintTick = Message{
		En: "Space ticks",
		Es: "Espacio marca",
	}
	HintEnter = Message{
		En: "Enter confirms",
		Es: "Intro confirma",
	}
	HintBack = Message{
		En: "← %s",
		Es: "← %s",
	}
	HintHelp = Message{
		En: "? more help",
		Es: "? más ayuda",
	}
	HintMore = Message{
		En: "%d–%d of %d",
		Es: "%d–%d de %d",
	}
	PlainChoose = Message{
		En: "Your choice (number): ",
		Es: "Tu elección (número): ",
	}
	PlainChooseMany = Message{
		En: "Your choices (numbers separated by commas): ",
		Es: "Tus elecciones (números separados por comas): ",
	}
	PlainInvalid = Message{
		En: "Please type a number from 1 to %d.",
		Es: "Escribe un número del 1 al %d.",
	}
	PlainInvalidMany = Message{
		En: "Please type numbers from 1 to %d, separated by commas.",
		Es: "Escribe números del 1 al %d, separados por comas.",
	}
	PlainCurrent = Message{
		En: "(current answer: %s; press Enter to keep it)",
		Es: "(respuesta actual: %s; pulsa Intro para mantenerla)",
	}
)

// The results screen and the listings.
var (
	BestFit = Message{
		En: "Your best fit:",
		Es: "Tu rol más afín:",
	}
	NoRoleScored = Message{
		En: "No role could be scored: none of the answered questions measures a dimension any role cares about.",
		Es: "No se pudo puntuar ningún rol: ninguna de las preguntas respondidas mide una dimensión que importe a algún rol.",
	}
	NoteFlat = Message{
		En: "Your agreement answers barely varied, so this ranking says more about the questions than about you. Try again, disagreeing where you do.",
		Es: "Tus respuestas de acuerdo apenas variaron, así que esta clasificación dice más de las preguntas que de ti. Prueba otra vez y muestra desacuerdo donde lo tengas.",
	}
	NoteOnlyRole = Message{
		En: "%s is the only role in this bank.",
		Es: "%s es el único rol de este banco.",
	}
	NoteHigh = Message{
		En: "A clear fit: %.1f points ahead of %s. Taking the quiz again would very likely give the same best fit.",
		Es: "Un encaje claro: %.1f puntos por delante de %s. Si repitieras el cuestionario, lo más probable es que saliera el mismo.",
	}
	NoteMedium = Message{
		En: "A likely fit: %.1f points ahead of %s, which is worth a look too. Taking the quiz again would usually, not always, give the same best fit.",
		Es: "Un encaje probable: %.1f puntos por delante de %s, que también merece una mirada. Si repitieras el cuestionario, normalmente, no siempre, saldría el mismo.",
	}
	NoteLow = Message{
		En: "%s is %.1f points behind: close enough that answering a few questions a little differently could swap them.",
		Es: "%s está a %.1f puntos: tan cerca que responder algunas preguntas de forma un poco distinta podría intercambiarlos.",
	}
	NotePartial = Message{
		En: "After %d of %d questions, %s leads %s by %.1f points, but the other %d could still change the best fit: this is an early reading, not a result.",
		Es: "Tras %d de %d preguntas, %s aventaja a %s en %.1f puntos, pero las otras %d todavía pueden cambiar el rol más afín: es una primera lectura, no un resultado.",
	}
	NoteDecidedClose = Message{
		En: "No answer to the other %d questions could change this order, but the lead is only %.1f points: answering some of your %d a little differently could swap the two.",
		Es: "Ninguna respuesta a las otras %d preguntas podría cambiar este orden, pero la ventaja es de solo %.1f puntos: responder algunas de tus %d de forma un poco distinta podría intercambiarlos.",
	}
	StoppedLikely = Message{
		En: "Stopped after %d of %d questions: %s people who answer like you would get a different best fit from the full quiz.",
		Es: "Detenido tras %d de %d preguntas: %s personas que responden como tú obtendría otro rol más afín con el cuestionario completo.",
	}
	StoppedLikelyRetake = Message{
		En: "Stopped after %d of %d questions: %s people who answer like you would get a different best fit from the full quiz (the full quiz itself changes for %s people on a retake).",
		Es: "Detenido tras %d de %d preguntas: %s personas que responden como tú obtendría otro rol más afín con el cuestionario completo (el propio cuestionario completo cambia para %s personas al repetirlo).",
	}
	RiskOneIn = Message{
		En: "about 1 in %d",
		Es: "aproximadamente 1 de cada %d",
	}
	RiskRare = Message{
		En: "fewer than 1 in 100",
		Es: "menos de 1 de cada 100",
	}
	RetakeInTen = Message{
		En: "about %d in 10",
		Es: "unas %d de cada 10",
	}
	RetakeRare = Message{
		En: "fewer than 1 in 10",
		Es: "menos de 1 de cada 10",
	}
	CloseOnAnswers = Message{
		En: "On the answers given, %s is only %.1f points behind: answering some of them a little differently could swap the two.",
		Es: "Con las respuestas dadas, %s está a solo %.1f puntos: responder algunas de forma un poco distinta podría intercambiarlos.",
	}
	LikelyShare = Message{
		En: "The full quiz would rank %s first for at least %d in 100 people who answer like you so far.",
		Es: "El cuestionario completo situaría primero a %s para al menos %d de cada 100 personas que responden como tú hasta ahora.",
	}
	NoneRuledOut = Message{
		En: "No role is ruled out yet.",
		Es: "Aún no se descarta ningún rol.",
	}
	StillInTheRunning = Message{
		En: "Still in the running: %s.",
		Es: "Siguen en juego: %s.",
	}
	TooClose = Message{
		En: "Closest: %s or %s, too close to call",
		Es: "Lo más cercano: %s o %s, demasiado ajustado para decidir",
	}
	TooCloseSoFar = Message{
		En: "Closest so far: %s or %s",
		Es: "Lo más cercano por ahora: %s o %s",
	}
	LeadingSoFar = Message{
		En: "Leading so far:",
		Es: "En cabeza por ahora:",
	}
	JustAhead = Message{
		En: ", just ahead of %s",
		Es: ", justo por delante de %s",
	}
	Percent = Message{
		En: "%.0f%%",
		Es: "%.0f%%",
	}
	Separate = Message{
		En: "What would separate them: %s. %s looks for %.0f of 100, %s for %.0f; you are at %.0f.",
		Es: "Lo que los distinguiría: %s. %s busca %.0f de 100, %s %.0f; tú estás en %.0f.",
	}
	SeparateUnanswered = Message{
		En: "What would separate them: %s. %s looks for %.0f of 100, %s for %.0f; you have not answered those questions yet.",
		Es: "Lo que los distinguiría: %s. %s busca %.0f de 100, %s %.0f; aún no has respondido esas preguntas.",
	}
	DecidedAfter = Message{
		En: "Decided after %d of %d questions: no answer to the other %d could change your best fit.",
		Es: "Decidido tras %d de %d preguntas: ninguna respuesta a las otras %d podría cambiar tu rol más afín.",
	}
	ScoredOn = Message{
		En: "Scored on %d of %d questions (%.0f%%).",
		Es: "Puntuado con %d de %d preguntas (%.0f%%).",
	}
	FitByRole = Message{
		En: "Fit by role",
		Es: "Afinidad por rol",
	}
	NotScored = Message{
		En: "not scored",
		Es: "sin puntuar",
	}
	WhereYouSit = Message{
		En: "Where you sit: %s",
		Es: "Dónde te sitúas: %s",
	}
	NotAnsweredDim = Message{
		En: "not answered",
		Es: "sin responder",
	}
	GaugeMiddle = Message{
		En: "right in the middle",
		Es: "justo en el medio",
	}
	GaugeLeaning = Message{
		En: "leaning to %s",
		Es: "inclinado hacia %s",
	}
	GaugeSlightly = Message{
		En: "slightly toward %s",
		Es: "ligeramente hacia %s",
	}
	GaugeSentence = Message{
		En: "%.0f of 100, %s. 0 is %s; 100 is %s.",
		Es: "%.0f de 100, %s. 0 es %s; 100 es %s.",
	}
	And = Message{
		En: " and ",
		Es: " y ",
	}
	GaugeShort = Message{
		En: "%.0f of 100, %s.",
		Es: "%.0f de 100, %s.",
	}
	YourProfile = Message{
		En: "Your profile",
		Es: "Tu perfil",
	}
	Balanced = Message{
		En: "balanced",
		Es: "equilibrado",
	}
	WhatMoved = Message{
		En: "Why %s: %.0f%%",
		Es: "Por qué %s: %.0f%%",
	}
	FromNeutral = Message{
		En: "Someone neutral on every question would fit it %.0f%%; your answers moved it %s.",
		Es: "Alguien neutral en todas las preguntas encajaría un %.0f%%; tus respuestas lo movieron: %s.",
	}
	MovedUp = Message{
		En: "up %.1f points",
		Es: "sube %.1f puntos",
	}
	MovedDown = Message{
		En: "down %.1f points",
		Es: "baja %.1f puntos",
	}
	MovedNot = Message{
		En: "not at all",
		Es: "nada",
	}
	Up = Message{
		En: "up %.1f",
		Es: "sube %.1f",
	}
	Down = Message{
		En: "down %.1f",
		Es: "baja %.1f",
	}
	ClosestMatch = Message{
		En: "Closest match:",
		Es: "Más cerca:",
	}
	FurthestApart = Message{
		En: "Furthest apart:",
		Es: "Más lejos:",
	}
	YouAndRole = Message{
		En: "%s (you %.0f; the role looks for %.0f)",
		Es: "%s (tú %.0f; el rol busca %.0f)",
	}
	AnswersOn = Message{
		En: "%d answers on %s, %.1f each:",
		Es: "%d respuestas sobre %s, %.1f cada una:",
	}
	WhyLine = Message{
		En: "Why %s: your answers on %s moved its fit up most.",
		Es: "Por qué %s: tus respuestas sobre %s son las que más subieron su afinidad.",
	}
	AnswersCounted = Message{
		En: "Answers that moved it most, in fit points from that neutral start:",
		Es: "Respuestas que más la movieron, en puntos de afinidad desde ese punto neutral:",
	}
	NoAnswerMoved = Message{
		En: "no single answer moved the fit by 0.1 points or more",
		Es: "ninguna respuesta por sí sola movió la afinidad 0,1 puntos o más",
	}
	AboutRole = Message{
		En: "About the role: %s",
		Es: "Sobre el rol: %s",
	}
	FactSalary = Message{
		En: "Average salary",
		Es: "Salario medio",
	}
	FactSalaryText = Message{
		En: "%s %s a year (%d figure)",
		Es: "%s %s al año (dato de %d)",
	}
	FactBackground = Message{
		En: "Background",
		Es: "Formación",
	}
	FactFocus = Message{
		En: "Focus",
		Es: "Enfoque",
	}
	FactTeams = Message{
		En: "Teams",
		Es: "Equipos",
	}
	FactWhere = Message{
		En: "Where",
		Es: "Dónde",
	}
	FactNext = Message{
		En: "Next step",
		Es: "Siguiente paso",
	}
	NextDecided = Message{
		En: "Decided: %s ranks first whatever the other %d answers are. Nothing more needs asking.",
		Es: "Decidido: %s queda primero sean cuales sean las otras %d respuestas. No hace falta preguntar más.",
	}
	NextLikely = Message{
		En: "Stop: %s ranks first. %s",
		Es: "Fin: %s queda primero. %s",
	}
	NextNothingLeft = Message{
		En: "Every question is answered.",
		Es: "Todas las preguntas están respondidas.",
	}
	NextHeader = Message{
		En: "Ask next (%d of %d answered; still in the running: %s):",
		Es: "Pregunta siguiente (%d de %d respondidas; siguen en juego: %s):",
	}
	NextAnswerWith = Message{
		En: "Add the answer with --answer %s=VALUE, and ask pmfit next again.",
		Es: "Añade la respuesta con --answer %s=VALOR y vuelve a preguntar a pmfit next.",
	}
	QuestionsHeader = Message{
		En: "%d questions. Answer them with: pmfit score --answer ID=VALUE ...",
		Es: "%d preguntas. Respóndelas con: pmfit score --answer ID=VALOR ...",
	}
	KindSingle = Message{
		En: "single choice",
		Es: "respuesta única",
	}
	KindMulti = Message{
		En: "multi-select, comma-separated",
		Es: "varias respuestas, separadas por comas",
	}
	KindLikert = Message{
		En: "agreement %d–%d",
		Es: "acuerdo %d–%d",
	}
	KindReverse = Message{
		En: ", reverse-keyed",
		Es: ", invertida",
	}
	Measures = Message{
		En: "measures %s",
		Es: "mide %s",
	}
	OnlyOnItsOwn = Message{
		En: "(only on its own)",
		Es: "(solo por sí sola)",
	}
)

// The HTML reports.
var (
	ReportTitle = Message{
		En: "Your product-management fit: %s",
		Es: "Tu encaje en gestión de producto: %s",
	}
	CertaintyLevel = Message{
		En: "How sure: %s.",
		Es: "Seguridad: %s.",
	}
	LevelHigh = Message{
		En: "high",
		Es: "alta",
	}
	LevelMedium = Message{
		En: "medium",
		Es: "media",
	}
	LevelLow = Message{
		En: "low",
		Es: "baja",
	}
	ProfileAgainst = Message{
		En: "Your profile against %s",
		Es: "Tu perfil frente a %s",
	}
	LegendYou = Message{
		En: "you",
		Es: "tú",
	}
	LegendRole = Message{
		En: "what %s looks for",
		Es: "lo que busca %s",
	}
	YouAndTarget = Message{
		En: "you %.0f · role %.0f",
		Es: "tú %.0f · rol %.0f",
	}
	YouOnly = Message{
		En: "you %.0f",
		Es: "tú %.0f",
	}
	ChartAsTable = Message{
		En: "The chart as a table",
		Es: "El gráfico como tabla",
	}
	ColumnDimension = Message{
		En: "Dimension",
		Es: "Dimensión",
	}
	ColumnYou = Message{
		En: "You",
		Es: "Tú",
	}
	ColumnTarget = Message{
		En: "Role looks for",
		Es: "El rol busca",
	}
	ColumnWeight = Message{
		En: "Weight",
		Es: "Peso",
	}
	ColumnRole = Message{
		En: "Role",
		Es: "Rol",
	}
	ColumnFit = Message{
		En: "Fit",
		Es: "Afinidad",
	}
	ColumnQuestion = Message{
		En: "Question",
		Es: "Pregunta",
	}
	ColumnAnswer = Message{
		En: "Your answer",
		Es: "Tu respuesta",
	}
	ColumnWho = Message{
		En: "Who",
		Es: "Quién",
	}
	ColumnPeople = Message{
		En: "People",
		Es: "Personas",
	}
	SourceOf = Message{
		En: "Source: %s",
		Es: "Fuente: %s",
	}
	YourAnswers = Message{
		En: "Your answers (%d of %d questions)",
		Es: "Tus respuestas (%d de %d preguntas)",
	}
	ScoreAgain = Message{
		En: "Score these answers again, or with another version of pmfit:",
		Es: "Vuelve a puntuar estas respuestas, o con otra versión de pmfit:",
	}
	ReportFooter = Message{
		En: "Made by pmfit on your own machine. This file makes no network request and holds no script.",
		Es: "Hecho por pmfit en tu propio equipo. Este archivo no hace ninguna petición de red ni contiene scripts.",
	}
	CohortTitle = Message{
		En: "%d people: where each landed",
		Es: "%d personas: dónde encaja cada una",
	}
	CohortCounts = Message{
		En: "%d scored, %d invalid.",
		Es: "%d puntuados, %d no válidos.",
	}
	BestFitCounts = Message{
		En: "Best fit, by role",
		Es: "Rol más afín, por rol",
	}
	Distributions = Message{
		En: "Each dimension, across everyone",
		Es: "Cada dimensión, en todo el grupo",
	}
	PeopleMap = Message{
		En: "People by %s and %s",
		Es: "Personas según %s y %s",
	}
	MapDesc = Message{
		En: "%s (%s … %s) × %s (%s … %s); each person is numbered as in the table above.",
		Es: "%s (%s … %s) × %s (%s … %s); cada persona lleva el número de la tabla de arriba.",
	}
	Sampled = Message{
		En: "Showing %d of %d people: one in every %d, in input order.",
		Es: "Se muestran %d de %d personas: una de cada %d, en el orden de entrada.",
	}
	CompareTitle = Message{
		En: "Comparing %d people",
		Es: "Comparación de %d personas",
	}
	DifferMost = Message{
		En: "Where they differ most",
		Es: "Dónde más se diferencian",
	}
	DiffersBy = Message{
		En: "%s: from %.0f (%s) to %.0f (%s), %.0f points apart",
		Es: "%s: de %.0f (%s) a %.0f (%s), %.0f puntos de diferencia",
	}
	BestFitShort = Message{
		En: "Best fit",
		Es: "Rol más afín",
	}
	ColumnFitText = Message{
		En: "Fit",
		Es: "Afinidad",
	}
	HowSure = Message{
		En: "How sure",
		Es: "Seguridad",
	}
	Profiles = Message{
		En: "Profiles",
		Es: "Perfiles",
	}
	Histogram = Message{
		En: "%s: how many people scored 0–10, 10–20, … 90–100: %s.",
		Es: "%s: cuántas personas puntuaron 0–10, 10–20, … 90–100: %s.",
	}
	// What it would take (pmfit path, docs/path.md).
	PathTitle = Message{
		En: "What it would take: %s",
		Es: "Qué haría falta: %s",
	}
	PathAlready = Message{
		En: "%s already ranks first for you, at %.1f.",
		Es: "%s ya es tu rol más afín, con %.1f.",
	}
	PathNow = Message{
		En: "%s fits you %.1f now, ranked %d of %d.",
		Es: "%s encaja contigo %.1f ahora, en el puesto %d de %d.",
	}
	PathCount = Message{
		En: "These %d changes would make it your best fit, at %.1f; no smaller set of changes does.",
		Es: "Estos %d cambios lo harían tu rol más afín, con %.1f; ningún conjunto menor de cambios lo consigue.",
	}
	PathCountOne = Message{
		En: "This one change would make it your best fit, at %.1f.",
		Es: "Este único cambio lo haría tu rol más afín, con %.1f.",
	}
	PathCountFound = Message{
		En: "These %d changes would make it your best fit, at %.1f. The search stopped at its work budget: a shorter route may exist, but none longer is needed.",
		Es: "Estos %d cambios lo harían tu rol más afín, con %.1f. La búsqueda se detuvo en su límite de trabajo: puede haber un camino más corto, pero no hace falta uno más largo.",
	}
	PathFacts = Message{
		En: "Facts, which are not yours to decide",
		Es: "Datos, que no dependen de una decisión tuya",
	}
	PathWhyFact = Message{
		En: "“%s” (you answered %s) is a fact, not a choice.",
		Es: "«%s» (respondiste %s) es un dato, no una elección.",
	}
	PathWhyFacts = Message{
		En: "No way of answering that keeps your facts as they are ranks %s first.",
		Es: "Ninguna forma de responder que mantenga tus datos como están pone %s en primer lugar.",
	}
	PathWhyFactsBudget = Message{
		En: "No route to %s that keeps your facts as they are was found within the search's work budget.",
		Es: "No se encontró, dentro del límite de trabajo de la búsqueda, un camino a %s que mantenga tus datos como están.",
	}
	PathWhyNone = Message{
		En: "No way of answering the questions you answered ranks %s first.",
		Es: "Ninguna forma de responder a las preguntas que respondiste pone %s en primer lugar.",
	}
	PathWhyBudget = Message{
		En: "No route to %s was found within the search's work budget.",
		Es: "No se encontró un camino a %s dentro del límite de trabajo de la búsqueda.",
	}
	PathWhyUnscored = Message{
		En: "None of the questions you answered measures what %s is about.",
		Es: "Ninguna de las preguntas que respondiste mide aquello de lo que trata %s.",
	}
	PathWhyOpen = Message{
		En: "%d questions are unanswered; answering them could open a route.",
		Es: "%d preguntas están sin responder; responderlas podría abrir un camino.",
	}
	PathOther = Message{
		En: "Other changes",
		Es: "Otros cambios",
	}
	PathToward = Message{
		En: "%s: toward %s",
		Es: "%s: hacia %s",
	}
	PathFromTo = Message{
		En: "%s → %s",
		Es: "%s → %s",
	}
	PathCaveat = Message{
		En: "Worth knowing:",
		Es: "Conviene saber:",
	}
	PathNone = Message{
		En: "No change to your answers would rank %s first.",
		Es: "Ningún cambio en tus respuestas pondría %s en primer lugar.",
	}
	PathGroupLine = Message{
		En: "%s (%d answers)",
		Es: "%s (%d respuestas)",
	}
	PathGroupLineOne = Message{
		En: "%s (1 answer)",
		Es: "%s (1 respuesta)",
	}
	PathFactsLine = Message{
		En: "Facts that would have to differ: %d",
		Es: "Datos que tendrían que ser otros: %d",
	}
	ReportByline = Message{
		En: "pmfit report · %s",
		Es: "Informe de pmfit · %s",
	}
	ReportBylineFor = Message{
		En: "pmfit report for %s · %s",
		Es: "Informe de pmfit para %s · %s",
	}
	ColumnRunnerUp = Message{
		En: "Runner-up",
		Es: "Segundo",
	}
	ColumnWhatItWouldTake = Message{
		En: "What it would take for the runner-up",
		Es: "Qué haría falta para el segundo",
	}
	HistogramEnds = Message{
		En: "0: %s · 100: %s",
		Es: "0: %s · 100: %s",
	}
	TakeChanges = Message{
		En: "%d changes",
		Es: "%d cambios",
	}
	TakeChange = Message{
		En: "1 change",
		Es: "1 cambio",
	}
	TakeAtMost = Message{
		En: "at most %d changes",
		Es: "como mucho %d cambios",
	}
	TakeNotFound = Message{
		En: "none found within the search's budget",
		Es: "no se encontró dentro del límite de la búsqueda",
	}
	TakeLeftOut = Message{
		En: "What it would take is left out for the last %d people listed: the page's search budget ran out.",
		Es: "Lo que haría falta se omite para las últimas %d personas de la lista: se agotó el límite de búsqueda de la página.",
	}
	PathAdd = Message{
		En: "+ Add: %s",
		Es: "+ Añadir: %s",
	}
	PathDrop = Message{
		En: "− Drop: %s",
		Es: "− Quitar: %s",
	}
	PathHoldsBack = Message{
		En: "(without it, %s would rank first)",
		Es: "(sin este cambio, %s quedaría en primer lugar)",
	}
	PathMore = Message{
		En: "'pmfit path --to %s' with the same answers lists each one.",
		Es: "'pmfit path --to %s' con las mismas respuestas muestra cada una.",
	}
)

// ThousandsSeparator groups the digits of large numbers: 96,522 or 96.522.
var ThousandsSeparator = Message{
	En: ",",
	Es: ".",
}
