import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js'
import { FONT_FAMILY, MUTED } from './canvas-draw'

// Only what the dashboard draws: cheaper than chart.js/auto, and importing this module is what
// pulls chart.js into the report chunk (never into the respondent page).
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
)
// Print and screenshots need charts that have finished drawing.
Chart.defaults.animation = false
Chart.defaults.font.family = FONT_FAMILY
Chart.defaults.color = MUTED
