#!/bin/sh
# supabase
export SUPABASE_TOKEN="sbp_61521202d8dabbef12041d69180efa0c66160d06"
