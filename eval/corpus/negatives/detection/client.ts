export const config = {
  apiKey: process.env.API_KEY,
  password: getPassword(),
  tokenUrl: "https://auth.internal/oauth/token",
  secretName: "db-credentials",
};
if (password === "") throw new Error("password required");
