# SPDX-License-Identifier: MIT
# config.mk - build settings. Override on the command line:
#   make PREFIX=/opt/pe DESTDIR=/tmp/stage install
#   make BUILD=build-asan SANITIZE=1
#   make WERROR=1                  warnings are errors (make check and CI)
#
# CPPFLAGS, CFLAGS and LDFLAGS belong to whoever builds (a packager's
# dpkg-buildflags, say): they are added to the flags the project needs,
# which live in other variables, so setting them never drops those.

VERSION = 0.1.0
# Installed programs are named PACKAGE-<program> (patient-ed-handout,
# patient-ed-kiosk): "handout" and "kiosk" alone are too generic for /usr/bin.
PACKAGE = patient-ed

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/patient-ed
# The site file the systemd unit and the .desktop file pass to the kiosk.
SYSCONFDIR ?= /etc
# systemd looks in /usr/lib/systemd/system and /usr/local/lib/systemd/system;
# desktop menus in $XDG_DATA_DIRS/applications (/usr/share, /usr/local/share).
UNITDIR ?= $(PREFIX)/lib/systemd/system
APPLICATIONSDIR ?= $(PREFIX)/share/applications
DESTDIR ?=

BUILD ?= build

CC ?= cc
# pkg-config module -> Debian package that provides it (for the message).
# Building needs PKGS; the unit tests also need TEST_PKGS.
PKGS = pangocairo:libpango1.0-dev pangoft2:libpango1.0-dev cairo:libcairo2-dev \
       fontconfig:libfontconfig-dev freetype2:libfreetype-dev \
       libxml-2.0:libxml2-dev glib-2.0:libglib2.0-dev sdl2:libsdl2-dev \
       libqrencode:libqrencode-dev libpng:libpng-dev \
       espeak-ng:libespeak-ng-dev sndfile:libsndfile1-dev
TEST_PKGS = cmocka:libcmocka-dev

CFLAGS ?= -O2 -g
CPPFLAGS ?=
LDFLAGS ?=
# Link only the libraries a program really uses: the handout command then
# does not load SDL2 and its dependencies, which cut start-up relocation
# work (measured with callgrind: see README "Speed").
PE_LDFLAGS = -Wl,--as-needed -Wl,-O1
# -Werror only on request: a packager's newer compiler may warn about
# something new, which should not stop a distribution build. Development
# and CI turn it on (make check, make check-all, .ci/run).
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wno-unused-parameter $(if $(filter 1,$(WERROR)),-Werror)
STD = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

ifeq ($(SANITIZE),1)
SAN_CFLAGS = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
SAN_LDFLAGS = -fsanitize=address,undefined
endif

# libharu ships no .pc file on Debian; libhyphen neither. -pthread: the
# speech engine's worker thread (speech/speech.c).
EXTRA_LIBS = -lhpdf -lhyphen -lm -pthread
