import { useState } from 'react'
import { Link } from './Link'
import { useSession } from './session'

const roleLabel = { admin: 'Admin', manager: 'Manager', hr: 'HR' } as const

export function AppHeader() {
  const { user, signOut } = useSession()
  const [leaving, setLeaving] = useState(false)
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand">
          CSI Toolkit
        </Link>
        <nav aria-label="Main" className="app-nav">
          <ul>
            <li>
              <Link to="/">Overview</Link>
            </li>
            <li>
              <Link to="/interview">Interviews</Link>
            </li>
          </ul>
        </nav>
        <div className="account">
          <span className="account__who">
            <span className="account__email">{user.email}</span>
            <span className="role-badge">{roleLabel[user.role]}</span>
          </span>
          <button
            type="button"
            className="button button--on-brand"
            disabled={leaving}
            onClick={() => {
              setLeaving(true)
              void signOut()
            }}
          >
            {leaving ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </header>
  )
}
