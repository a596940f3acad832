-- Fixture for tests/01_harness.test: each assertion's fate is in its id.
create table t(x);
insert into t values (1), (2);
select 'pass-one', 1;
select 'pass-expr', (select count(*) from t) = 2;
select 'fail-zero', 0;
select 'fail-null', null;
select 'fail-error', no_such_function(1);
select 'fail-tworows', x from t;
select 'fail-norow', 1 from t where 0;
select 'pass-text-one', '1';
-- a multi-line assertion
select 'pass-multiline',
  diwan_lang('שתי המדינות') = 'he';
insert into no_such_table values (1);
