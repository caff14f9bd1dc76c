/**
 * The twenty scalars of the contract language. Each call returns a descriptor; the generator never
 * executes it, it recognises `ScalarTypeEnum.<Name>()` by name. Wire types and constraints follow
 * the table "Scalars (all twenty)" of shared/contracts-catalog.md.
 */
export const SCALAR_NAMES = [
  'String_unsecure',
  'NonEmptyString',
  'ID',
  'Int_unsecure',
  'Float_unsecure',
  'Boolean',
  'JSON',
  'JSONObject',
  'Date',
  'DateTime',
  'Time',
  'EmailAddress',
  'URL',
  'PhoneNumber',
  'Locale',
  'TimeZone',
  'Latitude',
  'Longitude',
  'Currency',
  'CountryCode',
] as const;

/** One of the twenty scalar names. */
export type ScalarName = (typeof SCALAR_NAMES)[number];

/** What `ScalarTypeEnum.X()` returns: `{ kind: 'scalar', name }`. */
export interface ScalarType<N extends ScalarName = ScalarName> {
  readonly kind: 'scalar';
  readonly name: N;
}

function scalar<N extends ScalarName>(name: N): () => ScalarType<N> {
  return () => ({ kind: 'scalar', name });
}

/** Scalar constructors, called as `ScalarTypeEnum.ID()`. */
export const ScalarTypeEnum = {
  String_unsecure: scalar('String_unsecure'),
  NonEmptyString: scalar('NonEmptyString'),
  ID: scalar('ID'),
  Int_unsecure: scalar('Int_unsecure'),
  Float_unsecure: scalar('Float_unsecure'),
  Boolean: scalar('Boolean'),
  JSON: scalar('JSON'),
  JSONObject: scalar('JSONObject'),
  Date: scalar('Date'),
  DateTime: scalar('DateTime'),
  Time: scalar('Time'),
  EmailAddress: scalar('EmailAddress'),
  URL: scalar('URL'),
  PhoneNumber: scalar('PhoneNumber'),
  Locale: scalar('Locale'),
  TimeZone: scalar('TimeZone'),
  Latitude: scalar('Latitude'),
  Longitude: scalar('Longitude'),
  Currency: scalar('Currency'),
  CountryCode: scalar('CountryCode'),
} as const satisfies { [N in ScalarName]: () => ScalarType<N> };
