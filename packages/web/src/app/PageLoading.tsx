import { Spin } from 'antd';

/** What a route shows while its chunk or first data loads. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </div>
  );
}
