.print
.print == Dates: every date mention of the sample corpus, with its EDTF value
.mode box
SELECT d.path, x.surface, x.value, x.precision, coalesce(x.modifier, '') AS modifier
  FROM docs AS d, date_each(d.body) AS x
 ORDER BY d.path, x.start;
.print
.print == The same French article read from its publication day: the year of "Le 21 août"
SELECT x.surface, x.value, x.first_day, x.last_day
  FROM docs AS d, date_each(d.body, '2019-09-03') AS x
 WHERE d.path = 'fr/koweit.md' AND x.surface LIKE '%août%';
.print
.print == Hijri and Hebrew-calendar dates come out as Gregorian days
SELECT surface, value, calendar
  FROM date_each('١٥ رمضان ١٤٤٥ هـ ، כ״ז באב תשנ״ב ، 5 may 2000-ci ildə ، 27 августа 1992 г.');
.print
.print == date_parse: the first date of each document
SELECT path, date_parse(body) AS first_date FROM docs ORDER BY path;
