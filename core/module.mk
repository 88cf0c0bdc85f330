# SPDX-License-Identifier: MIT
# core/module.mk - the shared library is built by the top-level Makefile
# (every core/*.c goes into $(BUILD)/libpe.a). Data the programs need at run
# time is staged into $(SHARE) by the modules that own it.
