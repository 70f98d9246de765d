import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('provinces')
export class Province {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameKm: string;
}
