# Two commands matter (see README): `make run` and `make test`. The rest are their parts.
export UV_PYTHON_DOWNLOADS ?= automatic
# Brace expansion in the asset copies.
SHELL := /bin/bash
PORT ?= 8000
DEMO_PASSWORD ?= demo-wachtwoord
VENDOR := lerendnetwerk/static/vendor
MANAGE := uv run python manage.py

.PHONY: run test install assets messages translations lint typecheck test-sqlite test-postgres worker

install: assets
	@uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen

# Copy only the CSS files we use out of the npm packages (never the whole packages).
assets: $(VENDOR)/utrecht/index.css

$(VENDOR)/utrecht/index.css: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/utrecht $(VENDOR)/themes/voorbeeld
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/index.css
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css $(VENDOR)/themes/voorbeeld/theme.css
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md $(VENDOR)/themes/voorbeeld/LICENSE.md
	# The theme's typefaces (Noto Sans for text, Noto Serif for headings), Latin, regular and bold.
	mkdir -p $(VENDOR)/fonts
	cp node_modules/@fontsource/noto-sans/files/noto-sans-latin-{400,700}-{normal,italic}.woff2 $(VENDOR)/fonts/
	cp node_modules/@fontsource/noto-serif/files/noto-serif-latin-{400,700}-normal.woff2 $(VENDOR)/fonts/
	cp node_modules/@fontsource/noto-sans/LICENSE $(VENDOR)/fonts/LICENSE
	touch $@

messages:
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# After changing interface strings: collect them, translate the new ones in locale/nl, then `make messages`.
translations:
	$(MANAGE) makemessages -l nl -l en --no-wrap --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=bench

# Local platform with demo data on SQLite. The links in e-mail use the port it serves on, and
# e-mail lands in a local outbox that staff read decoded at /postvak/ (core/outbox.py).
run: export SITE_URL ?= http://localhost:$(PORT)
run: export LOCAL_OUTBOX ?= $(CURDIR)/var/outbox
# runserver and the task worker are two processes: they share their cache in a folder.
run: export CACHE_URL ?= file://$(CURDIR)/var/cache
run: install messages
	rm -rf var/cache  # kept from another run's data
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo --password "$(DEMO_PASSWORD)"
	$(MANAGE) collectstatic --noinput -v0
	@echo "Background worker for e-mail starts alongside the web server."
	$(MANAGE) run_worker --interval 1 & worker=$$!; \
	  $(MANAGE) demo_logins --password "$(DEMO_PASSWORD)" --wait-for "$$SITE_URL/" & logins=$$!; \
	  trap "kill $$worker $$logins 2>/dev/null" EXIT INT TERM; \
	  $(MANAGE) runserver localhost:$(PORT)

worker:
	$(MANAGE) run_worker

lint:
	uv run ruff check .
	uv run ruff format --check .
	uv run lint-imports
	uv run djlint lerendnetwerk --check
	uv run djlint lerendnetwerk --lint
	$(MANAGE) makemigrations --check --dry-run

typecheck:
	uv run mypy .

# Each database run drives the browser journeys at one width (tests/browser/conftest.py), so
# every journey meets both databases and both widths; `uv run pytest` alone runs all four.
# worksteal: the long browser journeys would otherwise leave one worker idle at the end.
PYTEST := uv run pytest -n 2 --dist worksteal

test-sqlite:
	BROWSER_SCREENS=phone $(PYTEST)

test-postgres:
	BROWSER_SCREENS=desktop DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lerendnetwerk} $(PYTEST)

test: install messages lint typecheck test-sqlite test-postgres
