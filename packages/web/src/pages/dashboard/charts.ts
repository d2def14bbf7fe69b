import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import i18next from 'i18next';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts the dashboards draw, so the route's chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  ToolboxComponent,
  CanvasRenderer,
]);

export { echarts };

/** Every chart offers 保存为图片 (PNG), named after the chart. */
export const withPngExport = (option: object, name: string): object => ({
  ...option,
  toolbox: {
    right: 8,
    feature: { saveAsImage: { name, title: i18next.t('dashboard.savePng'), pixelRatio: 2 } },
  },
});
