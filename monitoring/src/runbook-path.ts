/**
 * Where an alert's runbook lives, relative to the repository's root: the `runbook_url` annotation of every alert.
 * A path rather than a web address, because the repository's address is the deployer's to choose; the tests check
 * that the file exists.
 */
export const runbookPath = (alert: string) => `monitoring/runbooks/${alert}.md`;
