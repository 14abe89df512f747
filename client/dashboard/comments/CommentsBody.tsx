import { useState } from 'react'
import type { ApiFailure } from '../../api'
import { api, readError } from '../../api'
import { LoadFailed, Notice } from '../ui/Notice'
import { toFailure, useLoad } from '../ui/use-load'
import { BandTabs } from './BandTabs'
import type { CommentsPage } from './comments-model'
import { filterComments, loadedCount, mergePages, orderedBands } from './comments-model'

type Props = { id: string; by: string; byLabel: string; filter: string }

async function fetchPage(id: string, by: string, before: number | null, signal?: AbortSignal) {
  const query = before === null ? { by } : { by, before: String(before) }
  const res = await api.api.waves[':id'].comments.$get(
    { param: { id }, query },
    { init: { signal } },
  )
  if (!res.ok) throw await readError(res)
  return res.json()
}

type More = { pages: CommentsPage[]; loading: boolean; error: ApiFailure | null }

/** One grouping of the comments: the first page, pages added by "Load more", the bands. */
export function CommentsBody({ id, by, byLabel, filter }: Props) {
  const first = useLoad((signal) => fetchPage(id, by, null, signal), [id, by])
  const [more, setMore] = useState<More>({ pages: [], loading: false, error: null })

  if (first.error && !first.data)
    return <LoadFailed what="comments" error={first.error} reload={first.reload} />
  if (!first.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the comments…
      </p>
    )

  const page = more.pages.reduce(mergePages, first.data)
  const bands = orderedBands(page)
  const loadMore = async () => {
    if (page.next === null) return
    setMore((m) => ({ ...m, loading: true, error: null }))
    try {
      const next = await fetchPage(id, by, page.next)
      setMore((m) => ({ pages: [...m.pages, next], loading: false, error: null }))
    } catch (err) {
      setMore((m) => ({ ...m, loading: false, error: toFailure(err) }))
    }
  }
  const loaded = loadedCount(page)
  const matching = bands.reduce((n, b) => n + filterComments(b.comments, filter).length, 0)
  const filtering = filter.trim() !== ''

  return (
    <div className="results__body comments__body">
      {page.total === 0 && (
        <Notice tone="info" title="No comments yet">
          <p>None of the responses to this wave has a comment so far.</p>
        </Notice>
      )}
      <p className="comments-summary" role="status">
        {page.total === 0
          ? ''
          : `${page.total} ${page.total === 1 ? 'response' : 'responses'} with comments. ${loaded} ${loaded === 1 ? 'comment' : 'comments'} loaded${filtering ? `, ${matching} matching “${filter.trim()}”` : ''}.`}
      </p>
      {page.total > 0 && (
        <BandTabs
          bands={bands}
          filter={filter}
          byLabel={byLabel}
          anonymous={page.anonymous}
          question={page.questions.length === 1 ? page.questions[0]!.label : null}
        />
      )}
      {more.error && (
        <LoadFailed what="next comments" error={more.error} reload={() => void loadMore()} />
      )}
      {page.next !== null && (
        <div className="comments-more">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void loadMore()}
            disabled={more.loading}
            aria-busy={more.loading}
          >
            {more.loading ? 'Loading more comments…' : 'Load more comments'}
          </button>
          <span className="muted">Newest first; older comments follow.</span>
        </div>
      )}
    </div>
  )
}
