#!/bin/sh
# doppler
export DOPPLER_TOKEN="dp.pt.FAKENduEHmMInnuPZdtbf4EUhkEwNjd1boJd1E6asDS"
