/** Where the data folder is by default, per platform (pure: env and home are passed in). */
export function defaultDataDir(platform: string, env: Record<string, string | undefined>, home: string): string {
  const override = env.SAFELEDGER_DATA_DIR?.trim();
  if (override) return override;
  if (platform === 'win32') return `${env.APPDATA ?? `${home}\\AppData\\Roaming`}\\SafeLedger`;
  if (platform === 'darwin') return `${home}/Library/Application Support/SafeLedger`;
  return `${env.XDG_CONFIG_HOME ?? `${home}/.config`}/SafeLedger`;
}
