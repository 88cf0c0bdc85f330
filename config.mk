# config.mk - build settings. Override on the command line:
#   make PREFIX=/opt/pe DESTDIR=/tmp/stage install
#   make BUILD=build-asan SANITIZE=1

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/patient-ed
DESTDIR ?=

BUILD ?= build

CC ?= cc
# pkg-config module -> Debian package that provides it (for the message).
PKGS = pangocairo:libpango1.0-dev pangoft2:libpango1.0-dev cairo:libcairo2-dev \
       fontconfig:libfontconfig-dev freetype2:libfreetype-dev \
       libxml-2.0:libxml2-dev glib-2.0:libglib2.0-dev sdl2:libsdl2-dev \
       libqrencode:libqrencode-dev cmocka:libcmocka-dev libpng:libpng-dev

CFLAGS ?= -O2 -g
# Link only the libraries a program really uses: the handout command then
# does not load SDL2 and its dependencies, which cut start-up relocation
# work (measured with callgrind: see README "Speed").
LDFLAGS += -Wl,--as-needed -Wl,-O1
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wno-unused-parameter
STD = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

ifeq ($(SANITIZE),1)
CFLAGS += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

# libharu ships no .pc file on Debian; libhyphen neither.
EXTRA_LIBS = -lhpdf -lhyphen -lm
