import { describe, expect, it } from 'vitest'
import { commandCode, commandSheet, parseCommand } from './commands'

describe('command barcodes', () => {
  it('reads back every code printed on the sheet as the command it is labelled with', () => {
    const read = commandSheet.map((c) => [c.label, parseCommand(c.data)])
    expect(read).toContainEqual(['Commit', { name: 'commit' }])
    expect(read).toContainEqual(['Drop session', { name: 'drop' }])
    expect(read).toContainEqual(['Quantity 250', { name: 'quantity', value: 250 }])
    expect(read.every(([, command]) => command !== null)).toBe(true)
  })

  it('builds the code a command is printed as', () => {
    expect(commandCode({ name: 'undo' })).toBe('CMD:UNDO')
    expect(commandCode({ name: 'quantity', value: 12.5 })).toBe('CMD:QTY:12.5')
    expect(parseCommand(commandCode({ name: 'quantity', value: 12.5 }))).toEqual({ name: 'quantity', value: 12.5 })
  })

  it('is not fooled by text that only looks like a command', () => {
    expect(parseCommand('CMD:commit')).toBeNull()
    expect(parseCommand('CMD:QTY:-1')).toBeNull()
    expect(parseCommand('CMD:QTY:1e3')).toBeNull()
    expect(parseCommand('xCMD:UNDO')).toBeNull()
  })
})
