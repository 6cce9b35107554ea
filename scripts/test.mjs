#!/usr/bin/env node
/**
 * `npm test`: the whole suite in three stages, stopping at the first stage that fails.
 *   1. the checks that only read the source (eslint, prettier, the three type checks) and the build the e2e specs
 *      run against, side by side: each is one single-threaded process, so on two cores they take half the time
 *      they take in a row;
 *   2. Vitest (its own workers);
 *   3. Playwright against the build (one station at a time: a scanner's key timing is part of what it tests).
 * Each command's output is printed whole when it ends, so parallel logs do not interleave.
 */
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

const bin = (name) => `node_modules/.bin/${name}`

const stages = [
  [
    ['eslint', [bin('eslint'), '.']],
    ['prettier', [bin('prettier'), '--check', '.']],
    ['typecheck main', [bin('tsc'), '--noEmit', '-p', 'tsconfig.node.json']],
    ['typecheck renderer', [bin('vue-tsc'), '--noEmit', '-p', 'tsconfig.web.json']],
    ['typecheck renderer tests', [bin('vue-tsc'), '--noEmit', '-p', 'tsconfig.renderer-tests.json']],
    ['build', [bin('electron-vite'), 'build']],
  ],
  [['vitest', [bin('vitest'), 'run']]],
  [['playwright', [bin('playwright'), 'test']]],
]

/** Runs one command; in a parallel stage its output is held and printed when it ends. */
function run(name, [command, ...args], buffered) {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    const chunks = []
    if (buffered) {
      child.stdout.on('data', (c) => chunks.push(c))
      child.stderr.on('data', (c) => chunks.push(c))
    }
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(1)
      const ok = code === 0
      process.stdout.write(`\n── ${name}: ${ok ? 'ok' : `failed (exit ${code})`}, ${seconds} s\n`)
      // A passing check's output is noise; a failing one's is the reason.
      if (buffered && !ok) process.stdout.write(Buffer.concat(chunks))
      resolve(ok)
    })
  })
}

for (const stage of stages) {
  const parallel = stage.length > 1
  const results = await Promise.all(stage.map(([name, command]) => run(name, command, parallel)))
  if (results.includes(false)) process.exit(1)
}
