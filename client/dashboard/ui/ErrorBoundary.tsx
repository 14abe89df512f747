import type { ReactNode } from 'react'
import { Component } from 'react'
import { Notice } from './Notice'

type State = { failed: boolean }

/** A page that failed to load or render (e.g. a code chunk gone after a deploy): say so, offer a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <Notice
        tone="error"
        title="This page could not be shown"
        action={{ label: 'Reload the page', onClick: () => location.reload() }}
      >
        The dashboard may have been updated since this tab was opened. Reloading fetches the current
        version.
      </Notice>
    )
  }
}
