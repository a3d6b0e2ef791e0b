from heron.ingest import detect_language


def test_detects_english_and_russian() -> None:
    assert detect_language("The foreign ministers agreed on Wednesday to resume talks on the border.") == "en"
    assert detect_language("Министры иностранных дел договорились возобновить переговоры о границе.") == "ru"
    assert detect_language("El ministro dijo que las conversaciones continuarán la próxima semana en Ginebra.") == "es"


def test_too_little_text_gives_none() -> None:
    assert detect_language("") is None
    assert detect_language("OK 123") is None
    assert detect_language("   \n ") is None
