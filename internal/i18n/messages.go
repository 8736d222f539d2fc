package i18n

// The quiz's own words. TestEveryMessageIsTranslated reads this file and
// checks that each message has every language, with the same arguments.
var (
	BackToPrevious = Message{
		En: "‹ Back to the previous question",
		Es: "‹ Volver a la pregunta anterior",
	}
	KeepAnswer = Message{
		En: "‹ Keep my answer and return to the review",
		Es: "‹ Mantener mi respuesta y volver al repaso",
	}
	Progress = Message{
		En: "Question %d of %d · %s",
		Es: "Pregunta %d de %d · %s",
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
		En: "%d questions. Use ↑ and ↓ to move and Enter to choose; on multiple choice, Space ticks an option. Every question has a way back, and you can change any answer before you submit. Ctrl-C saves your progress.",
		Es: "%d preguntas. Usa ↑ y ↓ para moverte y Intro para elegir; en las de varias respuestas, Espacio marca una opción. Cada pregunta permite volver atrás y puedes cambiar cualquier respuesta antes de enviar. Ctrl-C guarda tu progreso.",
	}
	IntroKeysPlain = Message{
		En: "%d questions. Type the number of your answer and press Enter; for multiple choice, type several numbers separated by commas. Every question has a way back, and you can change any answer before you submit. Ctrl-C or Ctrl-D saves your progress.",
		Es: "%d preguntas. Escribe el número de tu respuesta y pulsa Intro; en las de varias respuestas, escribe varios números separados por comas. Cada pregunta permite volver atrás y puedes cambiar cualquier respuesta antes de enviar. Ctrl-C o Ctrl-D guarda tu progreso.",
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
	ResumeWith = Message{
		En: "Resume with:",
		Es: "Continúa con:",
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
