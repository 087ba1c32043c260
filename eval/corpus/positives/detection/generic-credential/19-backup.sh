#!/bin/sh
mysqldump -u root -pFk5rjT5A!kY8f7 shop > /backup/shop.sql
