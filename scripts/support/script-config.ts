import { ConfigError, loadConfig, loadEnvFile, type Config } from "../../app/server/config.server";

/**
 * The configuration of an npm script, read exactly as the server reads its
 * own (`.env` in the working folder, then the environment), and announced, so
 * that nobody backs up or changes one database while thinking of another.
 */
export function scriptConfig(): Config {
  const envFile = loadEnvFile();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(`Database: ${config.databaseFile} (configuration from ${envFile ?? "the environment; no .env here"})`);
  return config;
}
