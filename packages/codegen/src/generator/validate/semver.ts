/**
 * Semantic Versioning 2.0.0 (https://semver.org, "Is there a suggested regular expression"):
 * MAJOR.MINOR.PATCH without leading zeros, an optional `-prerelease` and `+build`.
 */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Whether `version` is a semver 2.0.0 version (`1.0.0`, `1.0.0-rc.1+build.5`). */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}
