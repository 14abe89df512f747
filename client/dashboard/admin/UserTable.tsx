import { useSession } from '../shell/session'
import type { ListedUser } from './user-api'
import { UserRow } from './UserRow'

type Props = { users: readonly ListedUser[]; onChanged: (message: string) => void }

/** Everyone who can sign in; on a phone each row stacks into a card (see admin.css). */
export function UserTable({ users, onChanged }: Props) {
  const { user: me } = useSession()
  return (
    <table className="data-table data-table--card users-table">
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Added</th>
          <th scope="col">Sign-in</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} self={u.id === me.id} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  )
}
