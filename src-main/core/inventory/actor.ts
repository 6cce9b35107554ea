/**
 * Who makes an inventory change, as the edit log records it. The Station finds the signed-in admin or editor of the
 * calling window; the CLI, which holds the database file itself, names itself.
 */
export interface Actor {
  operatorId: number | null
  name: string
}

export const cliActor = (): Actor => ({ operatorId: null, name: `cli (${process.env['USER'] ?? 'unknown user'})` })
