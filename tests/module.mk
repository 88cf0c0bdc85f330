# SPDX-License-Identifier: MIT
# tests/module.mk - test rules that live under tests/ (the top Makefile
# includes */module.mk, one level deep): the fuzz harnesses.
include tests/fuzz/module.mk
include tests/scripts.mk
