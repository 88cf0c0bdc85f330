/* SPDX-License-Identifier: MIT */
/*
 * x11-wm.c - the two things a desktop window manager does that the
 * kiosk's Xvfb test needs, without a window manager (run-xvfb builds it):
 *
 *   x11-wm close WINDOW   ask the window to close, as Alt+F4 or a title
 *                         bar's x does (WM_PROTOCOLS / WM_DELETE_WINDOW)
 *   x11-wm claim          say a window manager is running: set
 *                         _NET_SUPPORTING_WM_CHECK on the root window
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

int main(int argc, char **argv)
{
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) {
		fprintf(stderr, "x11-wm: cannot open the display\n");
		return 1;
	}
	Window root = DefaultRootWindow(dpy);
	if (argc == 3 && strcmp(argv[1], "close") == 0) {
		XEvent ev;
		memset(&ev, 0, sizeof ev);
		ev.xclient.type = ClientMessage;
		ev.xclient.window = (Window)strtoul(argv[2], NULL, 0);
		ev.xclient.message_type = XInternAtom(dpy, "WM_PROTOCOLS", False);
		ev.xclient.format = 32;
		ev.xclient.data.l[0] = (long)XInternAtom(dpy, "WM_DELETE_WINDOW", False);
		ev.xclient.data.l[1] = CurrentTime;
		XSendEvent(dpy, ev.xclient.window, False, NoEventMask, &ev);
	} else if (argc == 2 && strcmp(argv[1], "claim") == 0) {
		Atom check = XInternAtom(dpy, "_NET_SUPPORTING_WM_CHECK", False);
		XChangeProperty(dpy, root, check, XA_WINDOW, 32, PropModeReplace,
		                (unsigned char *)&root, 1);
	} else {
		fprintf(stderr, "usage: x11-wm close WINDOW | x11-wm claim\n");
		XCloseDisplay(dpy);
		return 2;
	}
	XSync(dpy, False);
	XCloseDisplay(dpy);
	return 0;
}
