var cfg = Config{
	User:     "app",
	Password: "FkMt5Hw6!9UEp0",
}

const apiToken = "FAKErO3dET3ZV71Vk0AEOTmJE6mkrRPC"
