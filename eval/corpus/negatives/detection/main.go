package main

var tokenRegex = regexp.MustCompile(`^ghp_[A-Za-z0-9]{36}$`)
const passwordMinLength = 12
func token() string { return os.Getenv("TOKEN") }
