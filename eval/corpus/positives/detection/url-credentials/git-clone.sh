git clone https://ci-bot:Fk9I7igh!Z3v27@git.prod.internal/platform/infra.git
