# SPDX-License-Identifier: MIT
"""pofile.py - a small reader for gettext PO/POT files (Python 3 stdlib only).

Used by tools/po-qa and tools/pseudo-po. It keeps what the checks need:
msgctxt, msgid, msgid_plural, msgstr (list, one per plural form), flags,
the previous msgid (#|), comments, and the line number of each entry so a
message can say "locales/es/content.po:123". Obsolete entries (#~) are
skipped. It does not write PO files except through entry_to_po(), which
is enough for generated files (the pseudo-locale).
"""

import re

_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a',
            'b': '\b', 'f': '\f', 'v': '\v'}


class PoError(Exception):
    pass


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = []          # one string per plural form
        self.flags = set()
        self.extracted = []       # "#." lines
        self.translator = []      # "# " lines
        self.references = []      # "#:" lines
        self.previous = {}        # "#|" msgctxt / msgid
        self.line = 0             # line of msgctxt or msgid (1-based)

    @property
    def is_header(self):
        return self.msgid == '' and self.msgctxt is None

    @property
    def fuzzy(self):
        return 'fuzzy' in self.flags

    @property
    def translated(self):
        return (not self.fuzzy and bool(self.msgstr)
                and all(s != '' for s in self.msgstr))

    @property
    def name(self):
        """How a message names the entry: its context, else its msgid."""
        if self.msgctxt is not None:
            return self.msgctxt
        short = self.msgid if len(self.msgid) <= 40 else self.msgid[:37] + '...'
        return 'msgid "%s"' % short


def unquote(s, path, lineno):
    s = s.strip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        raise PoError('%s:%d: expected a quoted string' % (path, lineno))
    body = s[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            n = body[i + 1]
            out.append(_ESCAPES.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def parse(path, text=None):
    """Return the list of entries (header included) of a PO file."""
    if text is None:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    entries = []
    cur = Entry()
    field = None            # (name, index) being continued by "..." lines
    seen_keyword = False

    def finish():
        nonlocal cur, seen_keyword, field
        if seen_keyword:
            if cur.msgid is None:
                raise PoError('%s:%d: entry without msgid' % (path, cur.line))
            entries.append(cur)
        cur = Entry()
        seen_keyword = False
        field = None

    for lineno, raw in enumerate(text.split('\n'), 1):
        line = raw.rstrip('\r')
        stripped = line.strip()
        if stripped == '':
            if seen_keyword:
                finish()
            continue
        if stripped.startswith('#~'):
            if seen_keyword:
                finish()
            continue
        if stripped.startswith('#'):
            if seen_keyword:
                finish()
            tag = stripped[:2]
            rest = stripped[2:].strip()
            if tag == '#,':
                cur.flags.update(f.strip() for f in rest.split(',') if f.strip())
            elif tag == '#.':
                cur.extracted.append(rest)
            elif tag == '#:':
                cur.references.extend(rest.split())
            elif tag == '#|':
                m = re.match(r'^(msgctxt|msgid_plural|msgid)\s+(".*")$', rest)
                if m:
                    key = m.group(1)
                    cur.previous[key] = cur.previous.get(key, '') + unquote(m.group(2), path, lineno)
                    cur._prev_field = key
                elif rest.startswith('"') and getattr(cur, '_prev_field', None):
                    key = cur._prev_field
                    cur.previous[key] += unquote(rest, path, lineno)
            else:
                cur.translator.append(stripped[1:].strip())
            continue
        m = _KEYWORD.match(stripped)
        if m:
            kw, idx, val = m.group(1), m.group(2), m.group(3)
            s = unquote(val, path, lineno)
            if kw == 'msgctxt':
                if seen_keyword:
                    finish()
                cur.msgctxt = s
                cur.line = lineno
                field = ('msgctxt', None)
            elif kw == 'msgid':
                if seen_keyword and cur.msgid is not None:
                    finish()
                cur.msgid = s
                if not cur.line:
                    cur.line = lineno
                field = ('msgid', None)
            elif kw == 'msgid_plural':
                cur.msgid_plural = s
                field = ('msgid_plural', None)
            else:
                i = int(idx) if idx is not None else 0
                while len(cur.msgstr) <= i:
                    cur.msgstr.append('')
                cur.msgstr[i] = s
                field = ('msgstr', i)
            seen_keyword = True
            continue
        if stripped.startswith('"') and field is not None:
            s = unquote(stripped, path, lineno)
            name, i = field
            if name == 'msgstr':
                cur.msgstr[i] += s
            else:
                setattr(cur, name, getattr(cur, name) + s)
            continue
        raise PoError('%s:%d: cannot parse line: %s' % (path, lineno, stripped[:60]))
    finish()
    return entries


def header_field(entries, name):
    for e in entries:
        if e.is_header and e.msgstr:
            for line in e.msgstr[0].split('\n'):
                if line.lower().startswith(name.lower() + ':'):
                    return line.split(':', 1)[1].strip()
    return None


def quote(s):
    s = (s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
         .replace('\t', '\\t'))
    return '"%s"' % s


def _field(name, s):
    if '\n' in s[:-1]:
        parts = s.split('\n')
        lines = [p + '\n' for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        return '%s ""\n' % name + ''.join(quote(p) + '\n' for p in lines)
    return '%s %s\n' % (name, quote(s))


def entry_to_po(e):
    out = []
    for c in e.translator:
        out.append('# %s\n' % c if c else '#\n')
    for c in e.extracted:
        out.append('#. %s\n' % c)
    if e.references:
        out.append('#: %s\n' % ' '.join(e.references))
    if e.flags:
        out.append('#, %s\n' % ', '.join(sorted(e.flags)))
    if e.msgctxt is not None:
        out.append(_field('msgctxt', e.msgctxt))
    out.append(_field('msgid', e.msgid))
    if e.msgid_plural is not None:
        out.append(_field('msgid_plural', e.msgid_plural))
        for i, s in enumerate(e.msgstr):
            out.append(_field('msgstr[%d]' % i, s))
    else:
        out.append(_field('msgstr', e.msgstr[0] if e.msgstr else ''))
    return ''.join(out)
