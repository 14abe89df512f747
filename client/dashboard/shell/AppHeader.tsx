import { useState } from 'react'
import { roleLabel } from '../account/roles'
import { Link } from '../ui/Link'
import { useBrand } from './brand'
import { useSession } from './session'
import '../account/header-link.css'
import '../alerts/header-nav.css'
import './brand.css'

export function AppHeader() {
  const { user, signOut } = useSession()
  const [leaving, setLeaving] = useState(false)
  const brand = useBrand()
  return (
    <>
      {brand && (brand.organisation || brand.logoUrl) && (
        // Printed reports (Print / Save as PDF) carry the organisation's letterhead.
        <div className="print-letterhead" aria-hidden="true">
          {brand.logoUrl && <img src={brand.logoUrl} alt="" height={36} />}
          {brand.organisation && <span>{brand.organisation}</span>}
        </div>
      )}
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            {brand?.logoUrl && (
              <img className="brand__logo" src={brand.logoUrl} alt="" height={28} />
            )}
            {brand?.organisation ?? 'CSI Toolkit'}
          </Link>
          <nav aria-label="Main" className="app-nav">
            <ul>
              <li>
                <Link to="/">Overview</Link>
              </li>
              <li>
                <Link to="/interview">Interviews</Link>
              </li>
              <li>
                <Link to="/surveys">Surveys</Link>
              </li>
              <li>
                <Link to="/catalogue">Catalogue</Link>
              </li>
              {(user.role === 'admin' || user.role === 'manager') && (
                <li>
                  <Link to="/alerts">Follow-ups</Link>
                </li>
              )}
              {user.role === 'admin' && (
                <li>
                  <Link to="/users">Users</Link>
                </li>
              )}
              {user.role === 'admin' && (
                <li>
                  <Link to="/api-keys">API keys</Link>
                </li>
              )}
              {user.role === 'admin' && (
                <li>
                  <Link to="/webhooks">Webhooks</Link>
                </li>
              )}
              {/* Admins word every email; HR the employee survey's. */}
              {(user.role === 'admin' || user.role === 'hr') && (
                <li>
                  <Link to="/messages">Messages</Link>
                </li>
              )}
              {/* The anonymity thresholds: admins set them, HR reads by them. */}
              {(user.role === 'admin' || user.role === 'hr') && (
                <li>
                  <Link to="/settings">Settings</Link>
                </li>
              )}
            </ul>
          </nav>
          <div className="account">
            <Link to="/account" className="account__who" title="Your account and password">
              <span className="visually-hidden">Your account: </span>
              <span className="account__email">{user.email}</span>
              <span className="role-badge">{roleLabel[user.role]}</span>
            </Link>
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
    </>
  )
}
