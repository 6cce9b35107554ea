/**
 * Labels as a worker task: lays out, verifies by re-scan and renders the labels of items whose data the main
 * thread read. A label that does not read back, or cannot be made for its item, ends the task with that reason
 * (as data: a worker's errors lose their class on the way back).
 */
import { isStationError } from '../errors'
import type { LabelsTask, TaskFailure, TaskResults, WorkerProgress } from '../jobs/tasks'
import { refusalMessage } from './index'
import { layoutLabel, Measurer, type LabelLayout } from './layout'
import { renderPdf } from './render'
import { verifyLayout } from './verify'

function failure(err: unknown, item: LabelsTask['items'][number]): TaskFailure {
  if (isStationError(err) && (err.code === 'conflict' || err.code === 'not_found'))
    return { failed: { code: err.code, message: err.message, item: { model: item.detail.model, pk: item.detail.pk } } }
  throw err
}

export async function renderLabels(
  task: LabelsTask,
  progress: (p: WorkerProgress) => void,
): Promise<TaskResults['labels']> {
  const total = task.items.length
  const measure = new Measurer(task.fonts)
  const layouts: LabelLayout[] = []
  progress({ phase: 'verify', done: 0, total })
  for (const item of task.items) {
    let l: LabelLayout
    try {
      l = layoutLabel(task.template, item, measure)
    } catch (err) {
      return failure(err, item)
    }
    const v = await verifyLayout(l)
    if (!v.ok)
      return { failed: { code: 'conflict', message: refusalMessage(l, v), item: { model: l.model, pk: l.pk } } }
    layouts.push(l)
    progress({ phase: 'verify', done: layouts.length, total })
  }
  const pdf = await renderPdf(task.template, layouts, {
    title: `${total} labels`,
    fonts: task.fonts,
    onLabel: (done) => progress({ phase: 'render', done, total }),
  })
  return { pdf }
}
