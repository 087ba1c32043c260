KEY = (
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg32dGwPeXokfSAjiE\n"
    "mPfVwPmDd7VmxYNhsj+7/VrJW3ShRANCAARfl3JrgMG4GPzAw0bWyulb7+THazhl\n"
    "HXxgORqi9Tu76NsUBSpE3IvjnlngSfYFupgaWOUnosO0BdQjtWSKRBL4\n"
    "-----END PRIVATE KEY-----\n"
)
