package sentry

// SENTRY_TOKEN for sentry
const token = "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"
