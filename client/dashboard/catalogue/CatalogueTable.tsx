import { TableFrame } from '../ui/TableFrame'
import type { CatalogueItem } from './catalogue-api'
import { audienceNames } from './catalogue-edit'

/** The catalogue for those who read it only (HR). */
export function CatalogueTable({ items }: { items: CatalogueItem[] }) {
  return (
    <TableFrame aria-labelledby="catalogue-items-title">
      <table className="data-table catalogue-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Key</th>
            <th scope="col">Rated by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <td>
                <strong>{item.label}</strong>
                {item.kind === 'attitude' && <span className="muted"> · attitude (HR)</span>}
                {item.description && <div className="muted">{item.description}</div>}
              </td>
              <td>
                <code>{item.key}</code>
              </td>
              <td>{item.audiences.map((a) => audienceNames[a]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  )
}
