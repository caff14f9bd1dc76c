import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Diagnostic, Ir } from '../ir/ir-schema.js';
import { checkMeta } from './check-meta.js';
import { checkModels } from './check-models.js';
import { checkEventsProvided, checkReferences } from './check-references.js';
import { located, specId, where } from './located.js';
import { SpecIndex } from './spec-index.js';

function checkDuplicates(index: SpecIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const spec of index.ordered) {
    const first = index.get(spec.kind, spec)!;
    if (first === spec) continue;
    out.push(
      located(
        'error',
        DiagnosticCode.DuplicateSpec,
        `\`${specId(spec)}\` (${spec.exportName}) is already declared at ${where(first.source)} (${first.exportName})`,
        spec.source,
      ),
    );
  }
  return out;
}

/**
 * The cross-reference checks over a parsed IR; returns only the new
 * diagnostics (the IR's own are not repeated), in a deterministic order (specs by declaration
 * place). Errors: DUPLICATE_SPEC (at the later declaration, naming the first), MISSING_META_FIELD,
 * INVALID_SEMVER, UNRESOLVED_REFERENCE, UNKNOWN_MODEL, UNKNOWN_SCALAR. Warnings:
 * NOT_PROVIDED_BY_CAPABILITY, EVENT_WITHOUT_CAPABILITY. Pure; never throws.
 */
export function validateIr(ir: Ir): Diagnostic[] {
  const index = new SpecIndex(ir.specs);
  const out = checkDuplicates(index);
  const scope = { index, failed: ir.failedSpecs ?? [] };
  for (const spec of index.ordered) out.push(...checkMeta(spec), ...checkReferences(spec, scope));
  out.push(...checkEventsProvided(index), ...checkModels(ir));
  return out;
}
