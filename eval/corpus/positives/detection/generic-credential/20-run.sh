#!/bin/sh
DB_PASS="${DB_PASS:-FkbVxVPT!nepx7}"
exec app --db-pass "$DB_PASS"
