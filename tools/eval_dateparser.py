#!/usr/bin/env python3
"""dateparser on the peers' date cases, for tools/eval.tcl (make eval).

    python3 tools/eval_dateparser.py [--budget SECONDS] DIR

DIR holds the peers' TSV files (lang text anchor first_day last_day source).
For each case: dateparser.search.search_dates(text, languages=[lang],
settings={'RELATIVE_BASE': anchor}) ('und': no language given; no anchor: no
RELATIVE_BASE). A case is right when exactly one date is found and its day
interval is the expected one: the day itself, or the whole week, month or year
when DateDataParser gives that period for the found substring.

Prints "version<TAB>X" then one line per case, in file order:
"source<TAB>index<TAB>1|0", or "-" for a case not run within the budget.
"""

import calendar
import datetime
import glob
import os
import sys
import time
import warnings


def interval(day, period):
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if period == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if period == "week":
        start = day - datetime.timedelta(days=day.weekday())
        return start, start + datetime.timedelta(days=6)
    return day, day


def main(argv):
    budget = 120.0
    args = list(argv)
    if len(args) >= 2 and args[0] == "--budget":
        budget = float(args[1])
        args = args[2:]
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    warnings.simplefilter("ignore")
    import dateparser
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    print("version\t%s" % getattr(dateparser, "__version__", "?"), flush=True)
    t0 = time.monotonic()
    for path in sorted(glob.glob(os.path.join(args[0], "*.tsv"))):
        source = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n").rstrip("\r") for l in f]
        rows = [l.split("\t") for l in lines if l and not l.startswith("#")][1:]
        for i, r in enumerate(rows):
            if time.monotonic() - t0 > budget:
                print("%s\t%d\t-" % (source, i), flush=True)
                continue
            lang, text, anchor, first, last = (r + [""] * 5)[:5]
            langs = None if lang in ("", "und") else [lang]
            settings = {}
            if anchor:
                settings["RELATIVE_BASE"] = datetime.datetime.strptime(anchor, "%Y-%m-%d")
            ok = 0
            try:
                found = search_dates(text, languages=langs, settings=settings)
                if found and len(found) == 1:
                    sub, when = found[0]
                    period = "day"
                    try:
                        data = DateDataParser(languages=langs, settings=settings).get_date_data(sub)
                        period = data.period or "day"
                    except Exception:
                        pass
                    a, b = interval(when.date(), period)
                    ok = int(a.isoformat() == first and b.isoformat() == last)
            except Exception:
                ok = 0
            print("%s\t%d\t%d" % (source, i, ok), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
