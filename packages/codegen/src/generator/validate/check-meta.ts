import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Diagnostic, Spec } from '../ir/ir-schema.js';
import { oncePerObject } from '../ir/once-per-object.js';
import { located, specId } from './located.js';
import { isSemver } from './semver.js';

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/**
 * Required meta (published `OwnerShipMeta`, contracts-spec `ownership.ts`): key, version,
 * description, owners (non-empty), tags and stability on every spec; goal and context on operations
 * and presentations. `title` is optional for every kind. A missing or
 * blank field is MISSING_META_FIELD; a version (or a capability `requires` version) that is not
 * semver 2.0.0 is INVALID_SEMVER. Both at the spec's declaration (the IR keeps no field locations).
 */
export const checkMeta: (spec: Spec) => readonly Diagnostic[] = oncePerObject(metaDiagnosticsOf);

function metaDiagnosticsOf(spec: Spec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { meta } = spec;
  const missing: string[] = [];
  if (isBlank(meta.key)) missing.push('key');
  if (isBlank(meta.version)) missing.push('version');
  if (isBlank(meta.description)) missing.push('description');
  if (meta.owners === undefined || meta.owners.length === 0) missing.push('owners');
  if (meta.tags === undefined) missing.push('tags');
  if (isBlank(meta.stability)) missing.push('stability');
  if (spec.kind === 'operation' || spec.kind === 'presentation') {
    if (isBlank(meta.goal)) missing.push('goal');
    if (isBlank(meta.context)) missing.push('context');
  }
  for (const field of missing) {
    diagnostics.push(
      located(
        'error',
        DiagnosticCode.MissingMetaField,
        `${specId(spec)} (${spec.exportName}): \`meta.${field}\` is missing or empty`,
        spec.source,
      ),
    );
  }
  if (!isBlank(spec.version) && !isSemver(spec.version)) {
    diagnostics.push(
      located(
        'error',
        DiagnosticCode.InvalidSemver,
        `${spec.exportName}: version '${spec.version}' is not semver (MAJOR.MINOR.PATCH)`,
        spec.source,
      ),
    );
  }
  if (spec.kind === 'capability') {
    for (const required of spec.requires) {
      if (required.version !== undefined && !isSemver(required.version)) {
        diagnostics.push(
          located(
            'error',
            DiagnosticCode.InvalidSemver,
            `${specId(spec)} requires ${required.key} at version '${required.version}', which is not semver (MAJOR.MINOR.PATCH)`,
            required.source,
          ),
        );
      }
    }
  }
  return diagnostics;
}
