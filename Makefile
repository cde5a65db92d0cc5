# Pembina: `make run` opens the program, `make test` runs every check. Both install the build's system
# packages first when they are missing (Debian and Ubuntu; other systems are told what to install).

# Debian packages: gcc and pkg-config for cgo (SQLite, GLFW), the OpenGL and X11 headers for the window,
# poppler-utils (pdftotext, pdfinfo) and zbar-tools (zbarimg) for the tests that read documents back.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev \
	libxi-dev libxxf86vm-dev poppler-utils zbar-tools

# Go's module cache and build cache stay where they are between runs: a cold build compiles the C of SQLite
# and GLFW (minutes); warm rebuilds take seconds.
export PATH := $(PATH):/usr/local/go/bin
# Fyne logs "Error parsing user locale C" under LANG=C.UTF-8 (issue 5271); a full locale keeps test output clean.
export LANG := en_US.UTF-8
export CGO_ENABLED := 1

# The real binary is built as `fyne build` would with [Migrations] fyneDo = true in FyneApp.toml.
BUILD_TAGS := migrated_fynedo

.PHONY: run test deps build vet unit clean

run: deps build
	./pembina

test: deps vet unit build

build:
	go build -tags $(BUILD_TAGS) -o pembina .

vet:
	go vet -tags ci ./...

unit:
	go test -tags ci -race -timeout 30m ./...

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

clean:
	rm -f pembina pembina.exe
