# Pembina: `make run` opens the program, `make test` runs every check. Both install the build's system
# packages first when they are missing (Debian and Ubuntu; other systems are told what to install).

# Debian packages: gcc and pkg-config for cgo (SQLite, GLFW), the OpenGL and X11 headers for the window,
# poppler-utils (pdftotext, pdfinfo) and zbar-tools (zbarimg) for the tests that read documents back;
# gcc-mingw-w64-x86-64 for the Windows build, xz-utils and zip for the packages; xvfb, libgl1-mesa-dri (software
# OpenGL), xdotool and imagemagick for the end-to-end tests of the real window, sqlite3 and unzip for the
# checks of make e2e.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev \
	libxi-dev libxxf86vm-dev poppler-utils zbar-tools \
	gcc-mingw-w64-x86-64 xz-utils zip xvfb libgl1-mesa-dri xdotool imagemagick chromium sqlite3 unzip

# Go's module cache and build cache stay where they are between runs: a cold build compiles the C of SQLite
# and GLFW (minutes); warm rebuilds take seconds.
export PATH := $(PATH):/usr/local/go/bin
# Fyne logs "Error parsing user locale C" under LANG=C.UTF-8 (issue 5271); a full locale keeps test output clean.
export LANG := en_US.UTF-8
export CGO_ENABLED := 1

# The real binary is built as `fyne build` would with [Migrations] fyneDo = true in FyneApp.toml.
BUILD_TAGS := migrated_fynedo

# The version of the packages is FyneApp.toml's (app.Version must equal it; a test checks).
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
# fyne package adds the icon, version information and desktop entry; pinned so packages are reproducible.
FYNE_TOOL_VERSION := v1.7.4
FYNE := $(shell go env GOPATH 2>/dev/null || echo $(HOME)/go)/bin/fyne
# The commit goes into the About box ("0.1.0 (ce51938)"), "+" marking uncommitted changes.
COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo +)
COMMIT_LDFLAGS := -X=github.com/pembina/pembina/app.commit=$(COMMIT)
# fyne package takes extra linker flags from GOFLAGS. The build number of the packages (Windows version
# information 0.1.0.N) counts the commits.
PACKAGE_GOFLAGS := GOFLAGS="$(GOFLAGS) -ldflags=$(COMMIT_LDFLAGS)"
BUILD_NUMBER := $(shell git rev-list --count HEAD 2>/dev/null || echo 1)
# fyne package rewrites FyneApp.toml after every package (Build + 1, comments and order lost): keep the file
# as committed. Usage: $(call keep_fyneapp,COMMAND)
keep_fyneapp = cp FyneApp.toml dist/.FyneApp.toml.keep && { ( $(1) ); status=$$?; cp dist/.FyneApp.toml.keep FyneApp.toml; \
	rm -f dist/.FyneApp.toml.keep; exit $$status; }
# The Windows build is cross-compiled with mingw-w64 on Linux.
WINDOWS_ENV := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc

.PHONY: run test deps build vet unit fuzz smoke e2e clean package-linux package-windows check-windows fyne-tool
# fyne package writes fyne.syso and a metadata file into the source folder while it builds: another build
# running beside it would link them in.
.NOTPARALLEL:

run: deps build
	./pembina

# make test is what CI runs (.ci/run): vet, every test, a short run of every fuzz target, the real binary, its
# end-to-end smoke test under Xvfb (screenshots kept in ci-artifacts/), and the Windows package, which must link.
test: deps vet unit fuzz build smoke e2e check-windows

build:
	go build -tags $(BUILD_TAGS) -ldflags "$(COMMIT_LDFLAGS)" -o pembina .

vet:
	go vet -tags ci ./...

# Every test, under the race detector except the window's own and those over large inputs. The window's tests
# (the packages that import Fyne) drive Fyne's test driver for minutes, and the code they reach beyond the
# widgets (store, importers, documents, certificates, Mode Kelas) is raced in its own packages' tests: they run
# without -race, and WINDOW_RACE, the window's tests of its own goroutines (a job behind a progress dialog,
# search as you type, switching and backing up the database, the kiosk), run again with it. The tests that
# -short skips (LARGE: the large sample's agreement, 10,000 rows, the slow hostile files) race the same code
# as their small cases, ten times slower (98 s instead of 10 s for the large sample): they run without -race.
WINDOW_RACE := TestMenuWaitsForARunningJob TestImportWindowAndPrinting TestReportsPageExportsWorkbook \
	TestProgramSearchAsYouType TestParticipantSearchAsYouType TestOpenAnotherDatabaseSwitchesCleanly \
	TestBackupNowAndOnClose TestKioskRequiredAnswersAndNextRespondent
LARGE := TestEveryEnrolmentAgreesLarge TestTenThousandRows TestHostileFilesRefused
LARGE_PKGS := ./app/report ./app/importer
# The window's packages: those that import Fyne, which internal/archtest allows only the window (and assets).
WINDOW_PKGS = go list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' ./app/... | awk '/ fyne\.io\//{print $$1}'
OTHER_PKGS = go list ./... | grep -vxF "$$($(WINDOW_PKGS))"
empty :=
space := $(empty) $(empty)
# $(call run_named,FLAGS,TESTS,PACKAGES) runs exactly the tests named in TESTS, and fails when a name matches
# no test, so that a rename cannot make the run silently smaller.
run_named = found=$$(go test -tags ci -list '^($(subst $(space),|,$(strip $(2))))$$' $(3) | grep -c '^Test'); \
	if [ "$$found" -ne $(words $(2)) ]; then \
		echo "$(words $(2)) tests named in the Makefile ($(strip $(2))), $$found found: fix the list" >&2; exit 1; fi; \
	go test -tags ci $(1) -run '^($(subst $(space),|,$(strip $(2))))$$' $(3)
unit:
	go test -tags ci -race -short -timeout 30m $$($(OTHER_PKGS))
	go test -tags ci -timeout 30m $$($(WINDOW_PKGS))
	@$(call run_named,-race -timeout 30m,$(WINDOW_RACE),$$($(WINDOW_PKGS)))
	@$(call run_named,-timeout 30m,$(LARGE),$(LARGE_PKGS))

deps:
	@command -v go >/dev/null || { echo "Go is missing: install Go 1.26 or newer from https://go.dev/dl/ and run make again." >&2; exit 1; }
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(DEB_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "Installing:$$missing"; \
			sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
			$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	else \
		command -v gcc >/dev/null && command -v pkg-config >/dev/null || { \
			echo "Install a C compiler (gcc), pkg-config and the OpenGL and X11 development headers for your system" >&2; \
			echo "(Fedora: gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel;" >&2; \
			echo " macOS: xcode-select --install; Windows: MSYS2 with mingw-w64-x86_64-gcc), then run make again." >&2; \
			exit 1; }; \
	fi

smoke: build
	tools/smoke-test.sh ./pembina ci-artifacts

# Each fuzz target (the readers of workbooks, CSV, Google Forms and Zoom reports, NIPs, the QR text, the PDF
# text filter) runs FUZZTIME on new inputs beyond its seed corpus, which `unit` already runs. Go fuzzes one
# target per run; a failing input is written under the package's testdata/fuzz/ to become a seed.
# FUZZTIME is a count of inputs, not a duration: with a duration, Go 1.26's fuzz coordinator can report
# "context deadline exceeded" as a failure when its time runs out while a worker is mid-input on a busy
# machine (go.dev/issue/75804, fixed in Go 1.27), which failed CI once with no failing input found.
# 2000 inputs take 0.2-3 s per target once the build is cached (14 s for all seven on this 2-core machine).
FUZZTIME ?= 2000x
fuzz:
	@set -e; for target in $$(git grep -h -o '^func Fuzz[A-Za-z0-9_]*' -- '*_test.go' | sed 's/^func //' | sort -u); do \
		pkg=$$(dirname $$(git grep -l "^func $$target(" -- '*_test.go' | head -n 1)); \
		echo "fuzz $$target in ./$$pkg, -fuzztime $(FUZZTIME)"; \
		go test -tags ci -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) ./$$pkg; \
	done

# The coordinator's main flows on the real binary under Xvfb at 1366x768, by keystrokes and clicks (first run,
# a program, enrolment, attendance with a T, certificates, the workbook, the kiosk); a screenshot per step in
# $(E2E_OUT), and a failure when a step's result is not in the database or on disk. About 1.5 minutes.
E2E_OUT ?= ci-artifacts/e2e
e2e: deps build
	tools/e2e.sh ./pembina $(E2E_OUT)

fyne-tool:
	@$(FYNE) version 2>/dev/null | grep -q '$(FYNE_TOOL_VERSION)' || go install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

# dist/pembina-VERSION-linux-amd64.tar.xz: the binary, a desktop entry, the icon and a Makefile whose
# `sudo make install` puts them under /usr/local.
package-linux: deps fyne-tool
	rm -rf dist/linux && mkdir -p dist/linux
	$(call keep_fyneapp,cd dist/linux && $(PACKAGE_GOFLAGS) $(FYNE) package --target linux --release --app-build $(BUILD_NUMBER) \
		--src $(CURDIR) --exe $(CURDIR)/dist/linux/pembina)
	mv dist/linux/Pembina.tar.xz dist/pembina-$(VERSION)-linux-amd64.tar.xz
	rm -rf dist/linux
	@ls -l dist/pembina-$(VERSION)-linux-amd64.tar.xz

# dist/pembina-VERSION-windows-amd64.zip: Pembina.exe (icon, version information, no console window) and
# BACA-SAYA.txt in a folder Pembina; unzip and run.
package-windows: deps fyne-tool
	rm -rf dist/windows && mkdir -p dist/windows/Pembina
	$(call keep_fyneapp,$(WINDOWS_ENV) $(PACKAGE_GOFLAGS) $(FYNE) package --target windows --release --app-build $(BUILD_NUMBER) --src .)
	mv Pembina.exe dist/windows/Pembina/Pembina.exe
	cp tools/BACA-SAYA.txt dist/windows/Pembina/BACA-SAYA.txt
	rm -f dist/pembina-$(VERSION)-windows-amd64.zip
	cd dist/windows && zip -q -9 -r ../pembina-$(VERSION)-windows-amd64.zip Pembina
	@ls -l dist/pembina-$(VERSION)-windows-amd64.zip

# The Windows package links, is a GUI program (no console window), carries its resources (icon, version)
# and needs no DLL beyond Windows' own.
check-windows: package-windows
	tools/check-windows.sh dist/windows/Pembina/Pembina.exe

clean:
	rm -rf pembina pembina.exe Pembina.exe dist ci-artifacts
