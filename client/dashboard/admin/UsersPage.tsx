import { useEffect, useState } from 'react'
import { roleLabel } from '../account/roles'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate } from '../shell/router'
import { useSession } from '../shell/session'
import { useLoad } from '../ui/use-load'
import { AddUser } from './AddUser'
import { SignInThrottles } from './SignInThrottles'
import { listUsers } from './user-api'
import { UserTable } from './UserTable'
import '../account/account.css'
import './admin.css'

/** Admins only: who can sign in, with what role; add people, change roles, end lockouts. */
export default function UsersPage() {
  const { user } = useSession()
  useEffect(() => {
    document.title = 'Users · CSI Toolkit'
  }, [])
  return user.role === 'admin' ? <Users /> : <OnlyAdmins />
}

function OnlyAdmins() {
  const { user } = useSession()
  return (
    <div className="users-page users-page--narrow">
      <Notice
        tone="info"
        title="Only admins can manage users"
        heading="h1"
        action={{ label: 'Go to your account', onClick: () => navigate('/account') }}
        secondary={{ label: 'Go to the overview', onClick: () => navigate('/') }}
      >
        <p>
          You are signed in as {user.email} ({roleLabel[user.role]}). Ask an admin to add people or
          change roles. Your own email, role and password are on your account page.
        </p>
      </Notice>
    </div>
  )
}

function Users() {
  const users = useLoad(listUsers, [])
  const [status, setStatus] = useState('')
  const changed = (message: string) => {
    setStatus(message)
    users.reload()
  }

  // The role was taken away since this page opened: the server has the last word.
  if (users.error?.status === 403) return <OnlyAdmins />
  return (
    <div className="users-page">
      <header className="users-intro">
        <h1>Users</h1>
        <p className="muted">
          People who can sign in to this dashboard. A role decides which waves and results each
          person sees.
        </p>
      </header>
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">
          Everyone who can sign in
          {users.data && <span className="users-count"> ({users.data.length})</span>}
        </h2>
        <p className="users-status" role="status">
          {status}
        </p>
        {users.error && !users.data ? (
          <LoadFailed what="users" error={users.error} reload={users.reload} heading="h3" />
        ) : !users.data ? (
          <p className="muted" aria-busy="true">
            Loading the users…
          </p>
        ) : (
          <UserTable users={users.data} onChanged={changed} />
        )}
      </section>
      <AddUser onAdded={(email) => changed(`${email} was added.`)} />
      <SignInThrottles onChanged={changed} />
    </div>
  )
}
