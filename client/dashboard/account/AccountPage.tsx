import { useEffect } from 'react'
import { useSession } from '../shell/session'
import { ChangePassword } from './ChangePassword'
import { roleAccess, roleLabel } from './roles'
import './account.css'

/** Who you are, what your role lets you see, and your password. */
export default function AccountPage() {
  const { user } = useSession()
  useEffect(() => {
    document.title = 'Your account · CSI Toolkit'
  }, [])
  const access = roleAccess[user.role]
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <div className="account-grid">
        <section className="card" aria-labelledby="account-who-title">
          <h2 id="account-who-title">Signed in as</h2>
          <dl className="account-facts">
            <div>
              <dt>Email</dt>
              <dd className="account-facts__email">{user.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                <span className={`badge badge--role-${user.role}`}>{roleLabel[user.role]}</span>
              </dd>
            </div>
          </dl>
          <h3 className="account-subhead">What you can see</h3>
          <ul className="account-access account-access--can">
            {access.can.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3 className="account-subhead">What you cannot see</h3>
          <ul className="account-access account-access--cannot">
            {access.cannot.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="muted account-note">
            {user.role === 'admin'
              ? 'Roles are changed on the Users page.'
              : 'Need a different role? Ask an admin.'}
          </p>
        </section>
        <ChangePassword />
      </div>
    </div>
  )
}
