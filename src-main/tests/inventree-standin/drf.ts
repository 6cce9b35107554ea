/**
 * The shapes and wording of Django REST framework's answers, which InvenTree's API returns unchanged: field errors
 * as `{field: [message]}`, errors of a list's entries as one object per entry (`{}` for an entry without error),
 * `non_field_errors` for a serializer's own checks, and DRF's stock messages. The stand-in's handlers throw a
 * Refusal; the server sends it.
 */
export type ErrorBody = Record<string, unknown>

export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${JSON.stringify(body)}`)
  }
}

export const PERMISSION_DENIED = 'You do not have permission to perform this action.'

/** A PrimaryKeyRelatedField's answer to a pk with no row behind it. */
export const invalidPk = (pk: unknown): string => `Invalid pk "${String(pk)}" - object does not exist.`

export const BLANK = 'This field may not be blank.'

/** DecimalField(min_value=0)'s answer to a negative number. */
export const NOT_NEGATIVE = 'Ensure this value is greater than or equal to 0.'

/** A serializer's `validate()` raising a message: DRF files it under `non_field_errors`. */
export const nonField = (message: string): Refusal => new Refusal(400, { non_field_errors: [message] })

/** A model's `ValidationError({field: message})`, turned by InvenTree's exception handler into DRF's shape. */
export const fieldError = (field: string, message: string): Refusal => new Refusal(400, { [field]: [message] })

/** Django's Http404 from `get_object_or_404`, as DRF reports it. */
export const notFound = (model: string): Refusal => new Refusal(404, { detail: `No ${model} matches the given query.` })

/**
 * An exception DRF does not handle (InvenTree's handler answers 500 with this body when not in debug mode), such
 * as the KeyError a serializer raises when the object its URL names does not exist.
 */
export const serverError = (path: string, error: string): Refusal =>
  new Refusal(500, {
    error,
    error_class: `<class '${error}'>`,
    detail: 'Error details can be found in the admin panel',
    path,
    status_code: 500,
  })

/**
 * Collects field errors the way a serializer validates its fields: every field is checked, then all errors are
 * sent together. `entry(list, i)` gives the error object of one entry of a nested list.
 */
export class FieldErrors {
  private readonly errors: Record<string, unknown> = {}
  private readonly lists = new Map<string, { size: number; entries: Map<number, Record<string, string[]>> }>()

  add(field: string, message: string): void {
    const list = (this.errors[field] ??= []) as string[]
    list.push(message)
  }

  addEntry(list: string, size: number, index: number, field: string, message: string): void {
    let errors = this.lists.get(list)
    if (!errors) this.lists.set(list, (errors = { size, entries: new Map() }))
    let entry = errors.entries.get(index)
    if (!entry) errors.entries.set(index, (entry = {}))
    ;(entry[field] ??= []).push(message)
  }

  throwIfAny(): void {
    for (const [list, { size, entries }] of this.lists)
      this.errors[list] = Array.from({ length: size }, (_, i) => entries.get(i) ?? {})
    if (Object.keys(this.errors).length) throw new Refusal(400, this.errors)
  }
}

/**
 * DRF DecimalField input: the schema has already checked the text's form (`-?digits.digits`). Parsed to a number,
 * which is exact enough for the five decimal places InvenTree keeps.
 */
export const decimal = (text: string): number => Number(text)

/** DRF DecimalField(decimal_places=5) output: the value as a string with exactly five decimals. */
export const decimalOut = (value: number): string => value.toFixed(5)

/** InvenTree keeps quantities as decimals of five places: sums of them must not drift like binary floats do. */
export const round5 = (value: number): number => Math.round(value * 1e5) / 1e5

// Python's str.strip() removes more than JavaScript's trim(): the separators FS, GS, RS and US among them, which
// DRF's CharField (trim_whitespace) therefore strips from the ends of a scanned supplier label.
const PY_SPACE = '[\\s\\u001c-\\u001f\\u0085]'
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g')

/** DRF CharField's `trim_whitespace`, which is Python's `str.strip()`. */
export const pyStrip = (text: string): string => text.replace(PY_STRIP, '')
