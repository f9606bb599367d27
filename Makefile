.PHONY: test lint
test: lint
	.venv/bin/python -m pytest
lint:
	.venv/bin/ruff check .
