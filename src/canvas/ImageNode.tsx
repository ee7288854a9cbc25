// An external image that stages copy from or mount (COPY --from=<image>, RUN --mount from=<image>).
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ImageFlowNode } from '../store/index.ts';
import { sameNodeProps } from './nodeProps.ts';

export const ImageNode = memo(function ImageNode({ data, selected }: NodeProps<ImageFlowNode>) {
  return (
    <div className={`sw-node sw-image ${selected ? 'is-selected' : ''}`} data-testid="image-node" data-image={data.image}>
      <span className="sw-label">image</span>
      <span className="sw-image-ref" title={data.image}>
        {data.image}
      </span>
      <Handle type="source" position={Position.Right} className="sw-handle" isConnectable={false} />
    </div>
  );
}, sameNodeProps);
